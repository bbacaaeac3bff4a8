# ping -R (IP record route): the sender, each router's outgoing address, the destination, and
# the way back; later replies on the same route print "(same route)"; a route longer than the
# option's nine slots is cut short.
ip netns add a
ip netns add r1
ip netns add r2
ip netns add b
ip link add a0 netns a type veth peer name r1a netns r1
ip link add r1b netns r1 type veth peer name r2a netns r2
ip link add r2b netns r2 type veth peer name b0 netns b
ip -n a addr add 10.1.0.1/24 dev a0
ip -n r1 addr add 10.1.0.254/24 dev r1a
ip -n r1 addr add 10.2.0.1/24 dev r1b
ip -n r2 addr add 10.2.0.2/24 dev r2a
ip -n r2 addr add 10.3.0.254/24 dev r2b
ip -n b addr add 10.3.0.1/24 dev b0
for n in a r1 r2 b; do ip -n $n link set lo up; done
ip -n a link set a0 up
ip -n r1 link set r1a up
ip -n r1 link set r1b up
ip -n r2 link set r2a up
ip -n r2 link set r2b up
ip -n b link set b0 up
ip netns exec r1 sysctl -qw net.ipv4.ip_forward=1
ip netns exec r2 sysctl -qw net.ipv4.ip_forward=1
ip -n a route add default via 10.1.0.254
ip -n r1 route add 10.3.0.0/24 via 10.2.0.2
ip -n r2 route add 10.1.0.0/24 via 10.2.0.1
ip -n b route add default via 10.3.0.254
ip netns exec a ping -c 1 -R 10.1.0.254
ip netns exec a ping -c 2 -i 0.2 -R 10.3.0.1
ip netns exec a ping -c 1 -n -R 10.2.0.2
ip netns exec a ping -c 1 -q -R 10.3.0.1
ip netns exec a ping -c 1 -R 127.0.0.1
ip netns exec a ping -c 1 -R 10.1.0.1
ip netns exec b ping -c 1 -R -t 2 10.1.0.1
ip netns exec a ping -c 1 -W 1 -R 10.9.0.1
ip netns exec a ping -c 1 -M do -s 1440 -R 10.3.0.1
ip netns exec a ping -c 1 -M do -s 1400 -R 10.3.0.1
ip netns add c
ip link add b1 netns b type veth peer name c0 netns c
ip -n b addr add 10.4.0.254/24 dev b1
ip -n c addr add 10.4.0.1/24 dev c0
ip -n b link set b1 up
ip -n c link set c0 up
ip netns exec b sysctl -qw net.ipv4.ip_forward=1
ip -n c route add default via 10.4.0.254
ip -n r1 route add 10.4.0.0/24 via 10.2.0.2
ip -n r2 route add 10.4.0.0/24 via 10.3.0.1
ip netns exec a ping -c 1 -R 10.4.0.1
ip netns exec c ping -c 1 -R 10.1.0.1
