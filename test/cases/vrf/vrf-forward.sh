# A router whose two ports are in one VRF forwards between its neighbours by the VRF's table;
# a port taken out of the VRF takes its routes back to main, and forwarding between the VRF and
# main stops.
sysctl -w net.ipv4.ip_forward=1
ip netns add a
ip netns add b
ip link add vrf-x type vrf table 100
ip link set vrf-x up
ip link add ra type veth peer name a0 netns a
ip link add rb type veth peer name b0 netns b
ip link set ra master vrf-x
ip link set rb master vrf-x
ip addr add 10.1.0.1/24 dev ra
ip addr add 10.2.0.1/24 dev rb
ip link set ra up
ip link set rb up
ip -n a addr add 10.1.0.2/24 dev a0
ip -n a link set a0 up
ip -n a route add default via 10.1.0.1
ip -n b addr add 10.2.0.2/24 dev b0
ip -n b link set b0 up
ip -n b route add default via 10.2.0.1
ip route show table 100
ip netns exec a ping -c 2 -i 0.2 -W 1 10.2.0.2
ip netns exec a ping -c 1 -W 1 10.2.0.1
ip link set rb nomaster
ip route show table 100
ip route show
ip netns exec a ping -c 1 -W 1 10.2.0.2
ip link set rb master vrf-x
ip route show table 100
ip netns exec a ping -c 1 -W 1 10.2.0.2
