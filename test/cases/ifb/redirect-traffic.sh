# Packets received on eth0 redirected by an ingress u32 filter to ifb0: while ifb0 is down
# mirred drops them (no reply), once it is up ifb0 gives them back to eth0's receive path
# (replies); ARP is not IPv4 and passes by. A mirrored copy is not marked redirected, so
# ifb0 drops it: no duplicate reply. Redirected into the peer namespace's veth instead of an
# ifb (egress of another device), the ping gets nothing back.
ip link set lo up
ip netns add p
ip link add eth0 type veth peer name eth0p
ip link set eth0p netns p
ip addr add 10.0.0.1/24 dev eth0
ip link set eth0 up
ip -n p addr add 10.0.0.2/24 dev eth0p
ip -n p link set eth0p up
ip link add ifb0 type ifb
tc qdisc add dev eth0 ingress
tc filter add dev eth0 parent ffff: protocol ip u32 match u32 0 0 flowid 1:1 action mirred egress redirect dev ifb0
ip netns exec p ping -c 2 -i 0.2 -W 1 10.0.0.1
ip link set ifb0 up
ip netns exec p ping -c 2 -i 0.2 -W 1 10.0.0.1
tc filter del dev eth0 parent ffff:
tc filter add dev eth0 parent ffff: protocol ip u32 match u32 0 0 action mirred egress mirror dev ifb0
ip netns exec p ping -c 2 -i 0.2 -W 1 10.0.0.1
tc filter del dev eth0 parent ffff:
tc filter add dev eth0 parent ffff: protocol ip u32 match ip src 10.0.0.2/32 action mirred ingress redirect dev ifb0
ip netns exec p ping -c 2 -i 0.2 -W 1 10.0.0.1
ip addr add 10.9.0.1/24 dev ifb0
ip netns exec p ping -c 2 -i 0.2 -W 1 10.0.0.1
tc qdisc del dev eth0 ingress
ip netns exec p ping -c 1 -W 1 10.0.0.1
