# Two namespaces joined by a veth pair (the underlay), with an ipip, a gre (keyed) and a sit
# tunnel between them: pings through each (IPv6 through sit), the link-local addresses addrconf
# gives them, IPv4 through sit (in IPPROTO_IPIP: the ipip tunnel with the same ends takes it on
# the far side), a GRE key that does not match, a tunnel that is down and an underlay that is down.
ip netns add a
ip netns add b
ip link add va netns a type veth peer name vb netns b
ip -n a addr add 192.0.2.1/24 dev va
ip -n b addr add 192.0.2.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up
ip -n a link add t1 type ipip local 192.0.2.1 remote 192.0.2.2
ip -n b link add t1 type ipip local 192.0.2.2 remote 192.0.2.1
ip -n a link add g1 type gre local 192.0.2.1 remote 192.0.2.2 key 5
ip -n b link add g1 type gre local 192.0.2.2 remote 192.0.2.1 key 5
ip -n a link add s1 type sit local 192.0.2.1 remote 192.0.2.2
ip -n b link add s1 type sit local 192.0.2.2 remote 192.0.2.1
ip -n a link add t2 type ipip remote 192.0.2.2
ip -n a addr add 10.9.0.1/30 dev t1
ip -n b addr add 10.9.0.2/30 dev t1
ip -n a addr add 10.8.0.1/30 dev g1
ip -n b addr add 10.8.0.2/30 dev g1
ip -n a addr add 2001:db8::1/64 dev s1
ip -n b addr add 2001:db8::2/64 dev s1
ip -n a link set t1 up
ip -n b link set t1 up
ip -n a link set g1 up
ip -n b link set g1 up
ip -n a link set s1 up
ip -n b link set s1 up
ip -n a link set t2 up
ip -n a addr show dev t1
ip -n a addr show dev g1
ip -n a addr show dev s1
ip -n a addr show dev t2
ip -n a route
ip -n a -6 route show dev s1
ip netns exec a ping -c 2 -i 0.2 -W 1 10.9.0.2
ip netns exec a ping -c 2 -i 0.2 -W 1 10.8.0.2
ip netns exec a ping -c 2 -i 0.2 -W 1 2001:db8::2
ip netns exec b ping -c 1 -W 1 -I 10.9.0.2 10.9.0.1
ip -n a addr add 10.7.0.1/30 dev s1
ip -n b addr add 10.7.0.2/30 dev s1
ip netns exec a ping -c 1 -W 1 10.7.0.2
ip -n b link set g1 type gre key 6
ip -n b -d link show g1
ip netns exec a ping -c 1 -W 1 10.8.0.2
ip -n b link set g1 type gre key 5
ip netns exec a ping -c 1 -W 1 10.8.0.2
ip -n a link set t1 down
ip netns exec a ping -c 1 -W 1 10.9.0.2
ip -n a link set t1 up
ip -n a route add 10.9.0.0/30 dev t1
ip -n b link set t1 down
ip netns exec a ping -c 1 -W 1 10.9.0.2
ip -n b link set t1 up
ip -n b route add 10.9.0.0/30 dev t1
ip -n a link set va down
ip -n a link show t1
ip netns exec a ping -c 1 -W 1 10.9.0.2
ip -n a link set va up
ip netns exec a ping -c 1 -W 1 10.9.0.2
ip -n b link del t1
ip netns exec a ping -c 1 -W 1 10.9.0.2
