# tracepath: the first probe (65535 bytes) meets the local MTU ([LOCALHOST] pmtu), the first hop
# is printed twice (the MTU changed, so the TTL is probed again), routers answer "time exceeded",
# the destination "port unreachable" (reached); a smaller MTU on the way is learned from
# "fragmentation needed"; -m stops early (Too many hops), -l and -p set the probe, an unroutable
# router has no route (send failed), a REJECT gives !H, a silent hop gives "no reply" (sleeps let ICMP's per-peer
# token bucket refill, as it does between the kernel's runs).
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
ip -n r2 link set r2b mtu 1400 up
ip -n b link set b0 mtu 1400 up
ip netns exec r1 sysctl -qw net.ipv4.ip_forward=1
ip netns exec r2 sysctl -qw net.ipv4.ip_forward=1
ip -n a route add default via 10.1.0.254
ip -n r1 route add 10.3.0.0/24 via 10.2.0.2
ip -n r2 route add 10.1.0.0/24 via 10.2.0.1
ip -n b route add default via 10.3.0.254
ip netns exec a ping -c 1 10.3.0.1
ip netns exec a tracepath -n 10.1.0.254
sleep 2
ip netns exec a tracepath -n 10.3.0.1
sleep 2
ip netns exec a tracepath 10.3.0.1
sleep 2
ip netns exec a tracepath -n -m 1 10.3.0.1
sleep 2
ip netns exec a tracepath -n -l 1000 -p 50000 10.3.0.1
ip netns exec b tracepath -n 10.1.0.1
ip netns exec r1 tracepath -n 10.9.0.1
ip netns exec a tracepath -n 10.1.0.1
ip netns exec r2 iptables -A FORWARD -p udp -j REJECT --reject-with icmp-host-unreachable
sleep 2
ip netns exec a tracepath -n 10.3.0.1
ip netns exec r2 iptables -F FORWARD
ip netns exec r2 iptables -A FORWARD -p udp -j DROP
sleep 2
ip netns exec a tracepath -n -m 3 10.3.0.1
ip netns exec a tracepath
ip netns exec a tracepath -x 10.3.0.1
ip netns exec a tracepath -6 ::1
