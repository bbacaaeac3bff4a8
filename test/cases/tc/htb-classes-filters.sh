# htb with classes and u32 filters, as tc prints what the kernel keeps: the qdisc's r2q, default
# class (hex) and direct queue; each class's rate, ceil and bursts (1600 bytes when not named:
# rate / HZ adds nothing with the nanosecond psched clock), prio on leaves only, in the order of
# the kernel's class hash; u32's hash tables and keys per priority. IPv6 is off so that no
# neighbour discovery passes the qdisc.
sysctl -qw net.ipv6.conf.all.disable_ipv6=1
sysctl -qw net.ipv6.conf.default.disable_ipv6=1
ip link add v0 type veth peer name v1
ip link set v0 up
tc qdisc add dev v0 root handle 1: htb default 20
tc qdisc show dev v0
tc class add dev v0 parent 1: classid 1:1 htb rate 10mbit
tc class add dev v0 parent 1:1 classid 1:10 htb rate 5mbit ceil 10mbit
tc class add dev v0 parent 1:1 classid 1:20 htb rate 1mbit ceil 2mbit burst 15k
tc class add dev v0 parent 1:1 classid 1:30 htb rate 512kbit ceil 1mbit prio 3
tc class show dev v0
tc -s class show dev v0
tc class add dev v0 parent 1:1 classid 1:40 htb
tc class add dev v0 parent 1:1 classid 1:40 htb rate 1mbit rate 2mbit
tc class add dev v0 parent 1:1 classid 1:40 htb rate fast
tc class add dev v0 parent 1:1 classid 1:40 htb rate 1mbit speed 3
tc class change dev v0 parent 1:1 classid 1:30 htb rate 256kbit ceil 2mbit
tc class show dev v0
tc filter add dev v0 parent 1: protocol ip prio 1 u32 match ip dst 10.0.0.2/32 flowid 1:10
tc filter add dev v0 parent 1: protocol ip prio 1 u32 match ip dst 10.0.0.0/24 match ip protocol 1 0xff flowid 1:30
tc filter add dev v0 parent 1: protocol ip prio 2 u32 match ip src 10.0.0.1/32 flowid 1:20
tc filter show dev v0
tc filter show dev v0 parent 1:
tc qdisc show dev v0
tc qdisc add dev v1 root handle 1: htb
tc qdisc show dev v1
tc class add dev v1 parent 1: classid 1:1 htb
tc qdisc change dev v1 root handle 1: htb default 7 r2q 5
tc qdisc show dev v1
tc qdisc add dev v1 root handle 1: htb default zz
tc qdisc add dev v1 root handle 1: htb r2q 5 rate 1
tc class show dev v1
tc qdisc del dev v1 root
tc qdisc del dev v0 root htb
tc qdisc show
