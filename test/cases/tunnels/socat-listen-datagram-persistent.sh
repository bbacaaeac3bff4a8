# Other socat forms: UDP-LISTEN (its tun appears only when the first datagram arrives, and the
# sender becomes its peer), UDP-DATAGRAM (not connected: ICMP errors do not end it), and a
# persistent tun made with `ip tuntap add` that socat attaches to — which outlives socat,
# address kept, carrier lost.
ip netns add a
ip netns add b
ip link add va type veth peer name vb
ip link set va netns a
ip link set vb netns b
ip -n a addr add 192.168.0.16/24 dev va
ip -n a link set va up
ip -n b addr add 192.168.0.26/24 dev vb
ip -n b link set vb up
ip netns exec b socat UDP-LISTEN:9000 TUN:10.0.0.2/24,tun-name=tl,iff-no-pi,iff-up &
ip -n b link show tl
ip netns exec a socat UDP:192.168.0.26:9000,bind=192.168.0.16:9000 TUN:10.0.0.1/24,tun-name=tc,iff-no-pi,iff-up &
ip -n b link show tl
ip netns exec a ping -c 2 -W 1 10.0.0.2
ip netns exec b socat UDP-DATAGRAM:192.168.0.16:9100,bind=192.168.0.26:9100 TUN:10.1.0.2/24,tun-name=td,iff-no-pi,iff-up &
ip netns exec b ping -c 1 -W 1 10.1.0.1
ip -n b link show td
ip -n a tuntap add dev ptun mode tun
ip -n a link set ptun up
ip -n a link show ptun
ip netns exec a socat UDP:192.168.0.26:9200,bind=192.168.0.16:9200 TUN:10.2.0.1/24,tun-name=ptun,iff-no-pi &
ip -n a addr show ptun
ip -n a route
ip -n a -d link show ptun
