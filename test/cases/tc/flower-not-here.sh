# flower on a kernel built without cls_flower (this machine's 6.18): tc parses the filter, the
# kernel refuses the classifier in its words, nothing changes; u32 beside it works. On UML's 6.1,
# which has flower, test/cases/tc-uml.
ip link add v0 type veth peer name v1
ip link set v0 up
tc qdisc add dev v0 root handle 1: htb default 20
tc class add dev v0 parent 1: classid 1:20 htb rate 1mbit
tc filter add dev v0 parent 1: protocol ip prio 2 flower dst_ip 10.0.0.3 ip_proto tcp dst_port 80 classid 1:20
tc filter add dev v0 parent 1: protocol ip prio 4 flower dst_port 80 classid 1:20
tc filter add dev v0 parent 1: protocol ip prio 1 u32 match ip dst 10.0.0.2/32 flowid 1:20
tc filter show dev v0
tc filter show dev v1
