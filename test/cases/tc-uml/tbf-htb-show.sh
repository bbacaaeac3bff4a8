# tbf and htb on UML's 6.1 as on this machine's 6.18 (test/cases/tc), but for the root's
# reference count (one transmit queue there) and the quantum warning 6.18 gives.
ip link add v0 type veth peer name v1
ip link set v0 up
tc qdisc add dev v0 root handle 1: tbf rate 1mbit burst 32kbit latency 400ms
tc qdisc show dev v0
tc qdisc change dev v0 root tbf rate 2mbit burst 10kb limit 3000
tc qdisc replace dev v0 root handle 2: tbf rate 1mbit burst 10k latency 10ms peakrate 2mbit mtu 2000
tc -s qdisc show dev v0
tc qdisc add dev v1 root tbf rate 1mbit burst 10k latency 10ms peakrate 1mbit mtu 2000
tc qdisc del dev v0 root tbf
tc qdisc replace dev v0 root handle 1: htb default 20
tc class add dev v0 parent 1: classid 1:1 htb rate 10mbit
tc class add dev v0 parent 1:1 classid 1:10 htb rate 5mbit ceil 10mbit
tc class add dev v0 parent 1:1 classid 1:20 htb rate 1mbit ceil 2mbit burst 15k
tc class add dev v0 parent 1:1 classid 1:30 htb rate 8kbit prio 3
tc class change dev v0 parent 1:1 classid 1:30 htb rate 256kbit ceil 2mbit
tc qdisc change dev v0 root handle 1: htb default 7
tc class show dev v0
tc -s class show dev v0
tc qdisc show
