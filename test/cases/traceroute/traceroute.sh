# traceroute (Debian's traceroute 2.1.x): 16 UDP probes out at once, 3 per hop, to ports from
# 33434 up; routers answer "time exceeded", the destination "port unreachable". Each router
# answers a peer from a token bucket (icmp_ratelimit 1 s, a burst of 6): the destination gets
# ten probes of the first sixteen and answers six, enough for its hop. Sleeps of 7 s between
# runs refill every bucket, so which probes are answered does not depend on the machine's speed.
# Unreachables are in traceroute-unreachable.sh; usage errors end this file.
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
ip netns exec a ping -c 1 10.3.0.1
sleep 7
ip netns exec a traceroute -n 10.3.0.1
sleep 7
ip netns exec a traceroute -n -I 10.3.0.1
sleep 7
ip netns exec a traceroute -n -q 1 -m 2 10.3.0.1
sleep 7
ip netns exec a traceroute -nq2 -f 2 10.3.0.1
sleep 7
ip netns exec a traceroute -n -N 1 10.3.0.1
sleep 7
ip netns exec a traceroute -n -p 40000 -w 2 10.3.0.254
ip netns exec a traceroute -n -q 0 10.3.0.1
ip netns exec a traceroute -n -m 0 10.3.0.1
ip netns exec a traceroute -n -m 300 10.3.0.1
ip netns exec a traceroute -n -q x 10.3.0.1
ip netns exec a traceroute -n -x 10.3.0.1
ip netns exec a traceroute -n -q
ip netns exec a traceroute -n
ip netns exec a traceroute -nq1 -m 2 -w 1,2 10.3.0.1
