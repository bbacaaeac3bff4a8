# flower and u32 filters classifying into htb classes on UML's 6.1 (this machine's kernel has no
# flower: test/cases/tc/flower-not-here.sh): the filters as tc shows them (flower's keys one a
# line), pings counted in the class each filter names, the rest in the default class; a
# class whose quantum is below 1000 is clamped without a word on 6.1 (6.18 warns through extack).
# The neighbours are permanent: UML is slow enough that ARP's reconfirmation would otherwise
# fall between two commands, and its timing would enter the buckets' tokens; a pause before the
# last ping lets the shared parent class's bucket refill (the simulator's commands follow each
# other at once).
sysctl -qw net.ipv6.conf.all.disable_ipv6=1
sysctl -qw net.ipv6.conf.default.disable_ipv6=1
ip netns add b
ip link add v0 type veth peer name v1 netns b
ip addr add 10.0.0.1/24 dev v0
ip -n b addr add 10.0.0.2/24 dev v1
ip -n b addr add 10.0.0.3/24 dev v1
ip -n b addr add 10.0.0.4/24 dev v1
ip -n b link set v1 address 02:00:00:00:00:02
ip -n b link set v1 up
ip neigh replace 10.0.0.2 lladdr 02:00:00:00:00:02 dev v0 nud permanent
ip neigh replace 10.0.0.3 lladdr 02:00:00:00:00:02 dev v0 nud permanent
ip neigh replace 10.0.0.4 lladdr 02:00:00:00:00:02 dev v0 nud permanent
tc qdisc add dev v0 root handle 1: htb default 20
tc class add dev v0 parent 1: classid 1:1 htb rate 10mbit
tc class add dev v0 parent 1:1 classid 1:10 htb rate 5mbit ceil 10mbit
tc class add dev v0 parent 1:1 classid 1:20 htb rate 1mbit ceil 2mbit
tc class add dev v0 parent 1:1 classid 1:30 htb rate 8kbit
tc filter add dev v0 parent 1: protocol ip prio 2 flower dst_ip 10.0.0.3 ip_proto icmp classid 1:30
tc filter add dev v0 parent 1: protocol ip prio 2 flower dst_ip 10.0.0.0/24 ip_proto tcp dst_port 80 classid 1:10
tc filter add dev v0 parent 1: protocol ip prio 3 flower src_ip 10.0.0.1 ip_proto udp src_port 53 classid 1:10
tc filter add dev v0 parent 1: protocol ip prio 1 u32 match ip dst 10.0.0.2/32 flowid 1:10
tc filter add dev v0 parent 1: protocol ip prio 4 flower dst_port 80 classid 1:10
tc filter show dev v0
tc filter show dev v0 parent 1:
ip link set v0 up
ping -c 2 -i 0.2 10.0.0.2
ping -c 3 -i 0.2 10.0.0.3
sleep 0.1
ping -c 1 10.0.0.4
tc -s class show dev v0
tc -s qdisc show dev v0
