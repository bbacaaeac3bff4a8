# traceroute -6 -I over two routers: ICMPv6 echoes (80-byte packets) answered by "hop limit
# exceeded" and the destination's echo reply; no route (!N from a router, or connect failing
# before the header); a REJECT's "address unreachable" (!H) and "administratively prohibited"
# (!X). UDP probes are in tracepath6.sh. ICMPv6 errors
# are rate limited per peer by net.ipv6.icmp.ratelimit (100 ms, a quarter of it for a /64
# route back, a burst of 6): sleeps of 1 s refill the buckets between runs.
ip netns add a
ip netns add r1
ip netns add r2
ip netns add b
ip link add a0 netns a type veth peer name r1a netns r1
ip link add r1b netns r1 type veth peer name r2a netns r2
ip link add r2b netns r2 type veth peer name b0 netns b
ip -n a addr add fd00:1::1/64 dev a0 nodad
ip -n r1 addr add fd00:1::fe/64 dev r1a nodad
ip -n r1 addr add fd00:2::1/64 dev r1b nodad
ip -n r2 addr add fd00:2::2/64 dev r2a nodad
ip -n r2 addr add fd00:3::fe/64 dev r2b nodad
ip -n b addr add fd00:3::1/64 dev b0 nodad
ip -n a link set a0 up
ip -n r1 link set r1a up
ip -n r1 link set r1b up
ip -n r2 link set r2a up
ip -n r2 link set r2b up
ip -n b link set b0 up
ip netns exec r1 sysctl -qw net.ipv6.conf.all.forwarding=1
ip netns exec r2 sysctl -qw net.ipv6.conf.all.forwarding=1
ip -n a -6 route add default via fd00:1::fe
ip -n r1 -6 route add fd00:3::/64 via fd00:2::2
ip -n r2 -6 route add fd00:1::/64 via fd00:2::1
ip -n b -6 route add default via fd00:3::fe
ip netns exec a ping -c 1 fd00:3::1
sleep 1
ip netns exec a traceroute -6 -n -I fd00:3::1
sleep 1
ip netns exec a traceroute -n -I -q 1 -m 2 fd00:3::1
sleep 1
ip netns exec a traceroute -n -I -N 1 fd00:3::1
sleep 1
ip netns exec a traceroute -n -I -w 5,30,100 fd00:9::1
ip netns exec r1 traceroute -n -I fd00:9::1
ip netns exec r2 ip6tables -A FORWARD -p icmpv6 --icmpv6-type echo-request -j REJECT --reject-with icmp6-addr-unreachable
sleep 1
ip netns exec a traceroute -n -I -w 5,30,100 fd00:3::1
ip netns exec r2 ip6tables -F FORWARD
ip netns exec r2 ip6tables -A FORWARD -p icmpv6 --icmpv6-type echo-request -j REJECT --reject-with icmp6-adm-prohibited
sleep 1
ip netns exec a traceroute -n -I -w 5,30,100 fd00:3::1
