# Two VRFs on one host, each with a port towards its own neighbour namespace that uses the same
# addresses: ping -I VRF reaches the VRF's neighbour, the routes of one VRF are
# not seen by the other, and the main table knows neither.
ip netns add red
ip netns add blue
ip link add vrf-red type vrf table 10
ip link add vrf-blue type vrf table 20
ip link set vrf-red up
ip link set vrf-blue up
ip link add r0 type veth peer name r1 netns red
ip link add b0 type veth peer name b1 netns blue
ip link set r0 master vrf-red
ip link set b0 master vrf-blue
ip addr add 10.0.0.1/24 dev r0
ip addr add 10.0.0.1/24 dev b0
ip link set r0 up
ip link set b0 up
ip -n red addr add 10.0.0.2/24 dev r1
ip -n red link set r1 up
ip -n blue addr add 10.0.0.2/24 dev b1
ip -n blue link set b1 up
ip -n red link set lo up
ip -n blue link set lo up
ip route show vrf vrf-red
ip route show vrf vrf-blue
ip route show
ping -c 1 -W 1 10.0.0.2
ping -c 1 -W 1 -I vrf-red 10.0.0.2
ping -c 1 -W 1 -I vrf-blue 10.0.0.2
ip route get 10.0.0.2 oif r0
ip route get 10.0.0.1 vrf vrf-red
ip route get 10.0.0.2 vrf nosuch
ping -c 1 -W 1 -I vrf-red 10.0.0.1
ip route get 10.0.0.2 oif vrf-red
ip route get 10.0.0.2 vrf vrf-blue
