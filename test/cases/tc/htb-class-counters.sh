# Pings classified by u32 into htb classes: each class counts what it sent (an inner class too),
# lends a packet sent on its own rate, and shows its buckets as last charged (full minus the
# last packet's transmission time); what no filter names goes to the default class (ARP here),
# or with no default class to the direct queue (direct_packets_stat). IPv6 is off so that no
# neighbour discovery passes the qdisc.
sysctl -qw net.ipv6.conf.all.disable_ipv6=1
sysctl -qw net.ipv6.conf.default.disable_ipv6=1
ip netns add b
ip link add v0 type veth peer name v1 netns b
ip addr add 10.0.0.1/24 dev v0
ip -n b addr add 10.0.0.2/24 dev v1
ip -n b addr add 10.0.0.3/24 dev v1
ip -n b link set v1 up
tc qdisc add dev v0 root handle 1: htb default 20
tc class add dev v0 parent 1: classid 1:1 htb rate 10mbit
tc class add dev v0 parent 1:1 classid 1:10 htb rate 5mbit ceil 10mbit
tc class add dev v0 parent 1:1 classid 1:20 htb rate 1mbit ceil 2mbit burst 15k
tc filter add dev v0 parent 1: protocol ip prio 1 u32 match ip dst 10.0.0.2/32 flowid 1:10
ip link set v0 up
ping -c 3 -i 0.2 10.0.0.2
ping -c 2 -i 0.2 10.0.0.3
tc -s class show dev v0
tc -s qdisc show dev v0
tc qdisc replace dev v0 root handle 2: htb
tc class add dev v0 parent 2: classid 2:1 htb rate 1mbit
tc filter add dev v0 parent 2: protocol ip prio 5 u32 match ip dst 10.0.0.3/32 flowid 2:1
ping -c 2 -i 0.2 10.0.0.2
ping -c 2 -i 0.2 10.0.0.3
tc -s qdisc show dev v0
tc -s class show dev v0
