# l2 ipvlans in two namespaces on one veth whose peer is the outside world (namespace out):
# the ipvlans reach each other through their port, and the outside through the lower device;
# the outside learns their shared MAC; the lower device's own address is not reached from them
# (their broadcasts leave by the wire, never to the lower's own stack).
ip netns add a
ip netns add b
ip netns add out
ip link add eth0 type veth peer name eth0p netns out
ip link add ipv0 link eth0 type ipvlan mode l2
ip link add ipv1 link eth0 type ipvlan mode l2
ip link set ipv0 netns a
ip link set ipv1 netns b
ip -n a addr add 10.1.0.2/24 dev ipv0
ip -n b addr add 10.1.0.3/24 dev ipv1
ip -n out addr add 10.1.0.1/24 dev eth0p
ip addr add 10.1.0.100/24 dev eth0
ip link set eth0 up
ip -n out link set eth0p up
ip -n a link set ipv0 up
ip -n b link set ipv1 up
ip -n a link show ipv0
ip netns exec a ping -c 1 -W 1 10.1.0.3
ip netns exec b ping -c 1 -W 1 10.1.0.2
ip netns exec a ping -c 1 -W 1 10.1.0.1
ip netns exec out ping -c 1 -W 1 10.1.0.3
ip -n out neigh show
ip -n a neigh show
ip netns exec a ping -c 1 -W 1 10.1.0.100
ip -n b link set ipv1 down
ip netns exec a ping -c 1 -W 1 10.1.0.3
ip -n b link set ipv1 up
ip -n b link set ipv1 type ipvlan mode l2 private
ip netns exec a ping -c 1 -W 1 10.1.0.3
ip netns exec a ping -c 1 -W 1 10.1.0.1
ip -n b link set ipv1 type ipvlan mode l2 bridge
ip netns exec a ping -c 1 -W 1 10.1.0.3
