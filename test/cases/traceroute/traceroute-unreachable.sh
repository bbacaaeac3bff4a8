# traceroute's unreachables: a router without a route answers "net unreachable" (!N) from
# ip_error's bucket (1 s a message, 5 s of burst) after which icmp_send's own bucket takes its
# second: two of the sixteen probes get an answer, the third probe of the hop is a star. A
# prohibit route answers "packet filtered" (!X), a REJECT "host unreachable" (!H), a router
# whose time-exceeded messages are dropped is a hop of stars, and with no route at all connect()
# fails after the header (UDP) or before it (-I, whose raw socket is connected first).
# `-w 5,30,100` waits 30 times the first answer's round trip for its hop's others (3 by default:
# 3 ms, which a loaded machine can overrun between two of the router's answers, and a late answer
# is a star); sleeps of 7 s refill every bucket between runs, as in traceroute.sh.
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
# r1 has no route to 10.9.9.9: ip_error answers "net unreachable" from its own bucket (5 s of burst)
ip netns exec a traceroute -n -w 5,30,100 10.9.9.9
sleep 7
ip netns exec a traceroute -n -I -w 5,30,100 10.9.9.9
# no route at all: connect fails after the header
ip netns exec r1 traceroute -n 10.9.9.9
ip netns exec r1 traceroute -n -I 10.9.9.9
ip -n r1 route add 10.4.0.0/16 via 10.2.0.2
ip -n r2 route add prohibit 10.4.0.0/16
sleep 7
ip netns exec a traceroute -n -w 5,30,100 10.4.0.1
ip netns exec r2 iptables -A FORWARD -p udp -j REJECT --reject-with icmp-host-unreachable
sleep 7
ip netns exec a traceroute -n -w 5,30,100 10.3.0.1
ip netns exec r2 iptables -F FORWARD
# a router that answers nothing: its hop is all stars, waited for 10 times the next hop's round trip
ip netns exec r2 iptables -A OUTPUT -p icmp --icmp-type time-exceeded -j DROP
sleep 7
ip netns exec a traceroute -n 10.3.0.1
ip netns exec r2 iptables -F OUTPUT
ip netns exec r2 iptables -A FORWARD -p udp -j DROP
sleep 7
ip netns exec a traceroute -n -m 4 -w 0.5 10.3.0.1
