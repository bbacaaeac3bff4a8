# IPv6 on ipvlans: each takes its link-local address from the shared MAC with its number in the
# port (dev_id) in place of ff:fe, so they differ and pass DAD; l2 ipvlans in two namespaces
# reach each other and the outside by global addresses (neighbour discovery through the port),
# and so do l3 ones between themselves.
ip netns add a
ip netns add b
ip netns add out
ip link add eth0 type veth peer name eth0p netns out
ip link add ipv0 link eth0 type ipvlan mode l2
ip link add ipv1 link eth0 type ipvlan mode l2
ip link set ipv0 netns a
ip link set ipv1 netns b
ip link set eth0 up
ip -n out link set eth0p up
ip -n a link set ipv0 up
ip -n b link set ipv1 up
ip -n a addr add fd00::2/64 dev ipv0 nodad
ip -n b addr add fd00::3/64 dev ipv1 nodad
ip -n out addr add fd00::1/64 dev eth0p nodad
sleep 3
ip -n a -6 addr show dev ipv0
ip -n b -6 addr show dev ipv1
ip netns exec a ping -6 -c 1 -W 1 fd00::3
ip netns exec b ping -6 -c 1 -W 1 fd00::1
ip netns exec out ping -6 -c 1 -W 1 fd00::2
ip -n out -6 neigh show
ip -n b link set ipv1 type ipvlan mode l3
ip -n a -d link show ipv0
ip netns exec a ping -6 -c 1 -W 1 fd00::3
ip netns exec b ping -6 -c 1 -W 1 fd00::2
