# The seed's tunnel as written: one end started and brought up before the other end listens.
# The kernel's first packet over the new tun (an IPv6 router solicitation: IPv6 is on by
# default) reaches a port where nothing listens; the ICMP port unreachable ends socat, and its
# tun with the route through it are gone by the next command.
ip netns add a
ip netns add b
ip link add va type veth peer name vb
ip link set va netns a
ip link set vb netns b
ip -n a addr add 192.168.0.16/24 dev va
ip -n a link set va up
ip -n b addr add 192.168.0.26/24 dev vb
ip -n b link set vb up
ip netns exec a socat UDP:192.168.0.26:9000,bind=192.168.0.16:9000, TUN:1.1.0.100/16,tun-name=tundudp,iff-no-pi,tun-type=tun &
ip -n a route add 172.16.1.0/24 via 1.1.0.100 dev tundudp
ip -n a link set tundudp up
ip -n a route add 172.16.1.0/24 via 1.1.0.100 dev tundudp
ip -n a link show tundudp
ip -n a route
# started with iff-up, the same happens at once
ip netns exec a socat UDP:192.168.0.26:9000,bind=192.168.0.16:9000 TUN:10.0.0.1/24,tun-name=t1,iff-no-pi,iff-up &
ip -n a link show t1
# a tun left down sends nothing and its socat lives; what arrives waits until the tun comes up
ip netns exec a socat UDP:192.168.0.26:9000,bind=192.168.0.16:9000 TUN:10.0.0.1/24,tun-name=t2,iff-no-pi &
ip netns exec b socat UDP:192.168.0.16:9000,bind=192.168.0.26:9000 TUN:10.0.0.2/24,tun-name=t2,iff-no-pi &
ip -n b link set t2 up
ip -n b link show t2
ip -n a link set t2 up
ip -n a route
ip netns exec a ping -c 1 -W 1 10.0.0.2
ip -n a link show t2
