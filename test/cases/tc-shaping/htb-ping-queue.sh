# htb shaping on the clock: 400-byte pings every 300 ms classified by u32 into an 8 kbit/s
# class (442 ms a 442-byte frame, a bucket one packet deep) go while its tokens last (htb sends
# while they are not negative and charges afterwards), then wait, each 142 ms longer than the
# one before; pings to another address go by a 10 Mbit/s default class at once. The class's
# quantum (rate / r2q) is below 1000: 6.18 warns through extack. Compared within tolerances
# (test/real/tc-shaping.test.ts): received share exact, average round trip within 20%.
sysctl -qw net.ipv6.conf.all.disable_ipv6=1
sysctl -qw net.ipv6.conf.default.disable_ipv6=1
ip netns add b
ip link add v0 type veth peer name v1 netns b
ip addr add 10.0.0.1/24 dev v0
ip -n b addr add 10.0.0.2/24 dev v1
ip -n b addr add 10.0.0.3/24 dev v1
ip -n b link set v1 up
ip link set v0 up
ping -c 1 10.0.0.2
ping -c 1 10.0.0.3
tc qdisc add dev v0 root handle 1: htb default 20
tc class add dev v0 parent 1: classid 1:10 htb rate 8kbit burst 500 cburst 500
tc class add dev v0 parent 1: classid 1:20 htb rate 10mbit
tc filter add dev v0 parent 1: protocol ip prio 1 u32 match ip dst 10.0.0.2/32 flowid 1:10
ping -c 8 -i 0.3 -s 400 10.0.0.2
ping -c 5 -i 0.2 10.0.0.3
