# passthru: one macvlan owns its lower device, with the lower's MAC; every unicast frame from
# the wire is the macvlan's, so the lower's own address is no longer answered from the wire,
# while broadcasts still reach both. A second macvlan on the port is refused.
ip netns add ext
ip netns add c
ip link add p0 type veth peer name p1 netns ext
ip -n ext addr add 10.1.0.100/24 dev p1
ip -n ext link set p1 up
ip link set p0 up
ip addr add 10.1.0.1/24 dev p0
ip link add mp link p0 type macvlan mode passthru
ip link add mq link p0 type macvlan mode bridge
ip link set mp netns c
ip -n c addr add 10.1.0.21/24 dev mp
ip -n c link set mp up
ip netns exec ext ping -c1 -W1 10.1.0.21
ip netns exec c ping -c1 -W1 10.1.0.100
ip netns exec ext ping -c1 -W1 10.1.0.1
ip -d link show p0
ip -n c -d link show mp
