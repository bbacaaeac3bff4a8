# Two namespaces on a veth, a socat UDP tunnel between them: both ends started, then both tuns
# brought up (each side's router solicitation finds the other listening), then a ping through it.
ip netns add a
ip netns add b
ip link add va type veth peer name vb
ip link set va netns a
ip link set vb netns b
ip -n a addr add 192.168.0.16/24 dev va
ip -n a link set va up
ip -n b addr add 192.168.0.26/24 dev vb
ip -n b link set vb up
ip netns exec a socat UDP:192.168.0.26:9000,bind=192.168.0.16:9000 TUN:10.0.0.1/24,tun-name=t0,iff-no-pi &
ip netns exec b socat UDP:192.168.0.16:9000,bind=192.168.0.26:9000 TUN:10.0.0.2/24,tun-name=t0,iff-no-pi &
ip -n a -d link show t0
ip -n a addr show t0
ip -n a route
ip -n a link set t0 up
ip -n b link set t0 up
ip -n a route
ip netns exec a ping -c 2 -W 1 10.0.0.2
ip netns exec b ping -c 1 -W 1 10.0.0.1
ip -n a link show t0
