# Delay both ways with one netem each (the pattern of test/cases/corpus/doc-vu-edgent-netem-ifb.sh,
# with traffic): 30 ms of netem on eth0's way out and 50 ms on ifb0, to which eth0's ingress
# filter redirects what eth0 receives; the round trip holds both (about 80 ms). matchall does
# the same for every protocol (its listing too). Needs netem (UML's kernel).
ip link set lo up
ip netns add p
ip link add eth0 type veth peer name eth0p
ip link set eth0p netns p
ip addr add 10.0.0.1/24 dev eth0
ip link set eth0 up
ip -n p addr add 10.0.0.2/24 dev eth0p
ip -n p link set eth0p up
ip link add ifb0 type ifb
ip link set dev ifb0 up
tc qdisc add dev eth0 root netem delay 30ms
tc qdisc add dev eth0 ingress
tc filter add dev eth0 parent ffff: protocol ip u32 match u32 0 0 flowid 1:1 action mirred egress redirect dev ifb0
tc qdisc add dev ifb0 root netem delay 50ms
tc qdisc show dev eth0
tc qdisc show dev ifb0
ip netns exec p ping -c 4 -i 0.3 -W 2 10.0.0.1
tc filter del dev eth0 parent ffff:
tc filter add dev eth0 parent ffff: matchall action mirred egress redirect dev ifb0
tc filter show dev eth0 parent ffff:
ip netns exec p ping -c 4 -i 0.3 -W 2 10.0.0.1
tc qdisc del dev ifb0 root
ip netns exec p ping -c 4 -i 0.3 -W 2 10.0.0.1
