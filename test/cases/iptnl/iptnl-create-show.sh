# ipip, gre and sit tunnels as Linux 6.1 makes and shows them: the ends as the link address and
# peer, the MTU of the underlay less the outer headers (a GRE key takes 4 bytes more), -d and
# -j details, and the refusals of the kernel and of iproute2.
ip netns add a
ip link add va netns a type veth peer name vb
ip -n a addr add 192.0.2.1/24 dev va
ip -n a link set va up
ip -n a link add t1 type ipip local 192.0.2.1 remote 192.0.2.2
ip -n a link add g1 type gre local 192.0.2.1 remote 192.0.2.2 ttl 64 key 5
ip -n a link add g2 type gre local 192.0.2.1 remote 192.0.2.2 ikey 1.2.3.4 okey 7 nopmtudisc
ip -n a link add s1 type sit local 192.0.2.1 remote 192.0.2.2 ttl 32
ip -n a link add t2 type ipip remote 198.51.100.1
ip -n a link
ip -n a -d link show t1
ip -n a -d link show g1
ip -n a -d link show g2
ip -n a -d link show s1
ip -n a -j -d link show t1
ip -n a -j -d link show g1
ip -n a -j -d link show g2
ip -n a -j -d link show s1
ip -n a -br link
ip -n a link show type gre
ip -n a link add t3 type ipip local 192.0.2.1 remote 192.0.2.2
ip -n a link add g3 type gre local 192.0.2.1 remote 192.0.2.2 key 5
ip -n a link add g4 type gre local 192.0.2.1 remote 192.0.2.2 key 6
ip -n a link add t4 type ipip local 192.0.2.1 remote 192.0.2.8 nopmtudisc ttl 9
ip -n a link add t4 type ipip local 192.0.2.1 remote 192.0.2.8 ttl 300
ip -n a link add t5 type ipip local 192.0.2.1 remote 192.0.2.9 nopmtudisc
ip -n a -d link show t5
ip -n a link set t1 type ipip ttl 10
ip -n a -d link show t1
ip -n a link set t2 type ipip remote 192.0.2.2 local 192.0.2.1
ip -n a link set t2 type ipip remote 192.0.2.3
ip -n a link show t2
ip -n a link set t1 mtu 1481
ip -n a link set t1 mtu 67
ip -n a link set t1 mtu 65516
ip -n a link set t1 mtu 65515
ip -n a link set g1 mtu 65508
ip -n a link set g1 mtu 65507
ip -n a link show t1
ip -n a link add t6 mtu 9000 type ipip local 192.0.2.1 remote 192.0.2.6
ip -n a link show t6
ip -n a link set t1 up
ip -n a link show t1
ip -n a link set t1 down
ip -n a link show t1
ip -n a link del g2
ip -n a link del t1
ip -n a link
