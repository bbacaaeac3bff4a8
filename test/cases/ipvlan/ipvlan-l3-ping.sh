# l3 ipvlans in two namespaces, on different subnets with default routes through their device
# (no ARP: NOARP), on one veth whose peer is the outside world: they reach each other through
# their port, and the outside through the lower device's namespace, which routes their packets
# out of the lower device; the outside reaches an ipvlan through a route via the lower's address.
ip netns add a
ip netns add b
ip netns add out
ip link add eth0 type veth peer name eth0p netns out
ip link add ipv0 link eth0 type ipvlan mode l3
ip link add ipv1 link eth0 type ipvlan mode l3
ip link set ipv0 netns a
ip link set ipv1 netns b
ip -n a addr add 10.1.1.2/24 dev ipv0
ip -n b addr add 10.1.2.2/24 dev ipv1
ip -n a link set ipv0 up
ip -n b link set ipv1 up
ip -n a route add default dev ipv0
ip -n b route add default dev ipv1
ip -n a link show ipv0
ip netns exec a ping -c 1 -W 1 10.1.2.2
ip netns exec b ping -c 1 -W 1 10.1.1.2
ip -n a neigh show
ip addr add 192.168.0.100/24 dev eth0
ip -n out addr add 192.168.0.1/24 dev eth0p
ip link set eth0 up
ip -n out link set eth0p up
ip -n out route add 10.1.0.0/16 via 192.168.0.100
ip netns exec a ping -c 1 -W 1 192.168.0.1
ip netns exec out ping -c 1 -W 1 10.1.1.2
ip netns exec out ping -c 1 -W 1 10.1.2.2
ip neigh show dev eth0
ip -n out neigh show
ip netns exec a ping -c 1 -W 1 192.168.0.100
ip -n b link set ipv1 type ipvlan mode l3 vepa
ip netns exec a ping -c 1 -W 1 10.1.2.2
ip -n b link set ipv1 type ipvlan mode l3 private
ip netns exec a ping -c 1 -W 1 10.1.2.2
ip netns exec a ping -c 1 -W 1 192.168.0.1
