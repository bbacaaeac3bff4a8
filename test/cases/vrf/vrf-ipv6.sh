# IPv6 in a VRF: a port's prefix, local and multicast routes move to the VRF's table when it
# joins (and back when it leaves); ping -I VRF reaches the VRF's neighbour over IPv6.
ip netns add red
ip link add vrf-red type vrf table 10
ip link set vrf-red up
ip link add r0 type veth peer name r1 netns red
ip addr add 2001:db8::1/64 dev r0 nodad
ip link set r0 up
ip -n red addr add 2001:db8::2/64 dev r1 nodad
ip -n red link set r1 up
ip -6 route show table 10
ip link set r0 master vrf-red
ip -6 route show table 10
ip -6 route show
ip -6 route show table local
ip -6 rule
ping -6 -c 1 -W 2 -I vrf-red 2001:db8::2
ip link set r0 nomaster
ip -6 route show table 10
ip -6 route show
