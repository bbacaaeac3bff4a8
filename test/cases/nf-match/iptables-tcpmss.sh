#!/bin/bash
# The TCPMSS target (xt_TCPMSS; iptables-nft: nft's `tcp option maxseg size set`) on a router
# between two namespaces: --set-mss lowers the MSS option of forwarded SYNs (never raises it),
# the far side's tcpmss match counts which MSS arrived (IPv4; IPv6's rules listed only). The kernel's checks: a rule must be -p tcp,
# clamping only in FORWARD, OUTPUT and POSTROUTING, and (x_tables only) a --tcp-flags test with
# SYN; iptables' own: an action required, --set-mss at most 65515 (IPv4) / 65495 (IPv6).
# Listings: -S, -L, -L -v -x -n, nft's.
ip netns add a
ip netns add r
ip netns add b
ip link add a0 netns a type veth peer name r0 netns r
ip link add r1 netns r type veth peer name b0 netns b
ip -n r link set r1 mtu 1400
ip -n b link set b0 mtu 1400
ip -n a addr add 10.1.0.2/24 dev a0
ip -n r addr add 10.1.0.1/24 dev r0
ip -n r addr add 10.2.0.1/24 dev r1
ip -n b addr add 10.2.0.2/24 dev b0
ip -n a addr add 2001:db8:1::2/64 dev a0 nodad
ip -n r addr add 2001:db8:1::1/64 dev r0 nodad
ip -n r addr add 2001:db8:2::1/64 dev r1 nodad
ip -n b addr add 2001:db8:2::2/64 dev b0 nodad
for ns in a r b; do ip -n $ns link set lo up; done
ip -n a link set a0 up
ip -n r link set r0 up
ip -n r link set r1 up
ip -n b link set b0 up
ip -n a route add default via 10.1.0.1
ip -n b route add default via 10.2.0.1
ip -n a -6 route add default via 2001:db8:1::1
ip -n b -6 route add default via 2001:db8:2::1
ip netns exec r sysctl -qw net.ipv4.ip_forward=1
ip netns exec r sysctl -qw net.ipv6.conf.all.forwarding=1
sleep 1
# the kernel's and iptables' refusals
ip netns exec r iptables -t mangle -A FORWARD -j TCPMSS --set-mss 1000
ip netns exec r iptables -t mangle -A PREROUTING -p tcp --syn -j TCPMSS --clamp-mss-to-pmtu
ip netns exec r iptables -t mangle -A FORWARD -p tcp --syn -j TCPMSS
ip netns exec r iptables -t mangle -A FORWARD -p tcp --syn -j TCPMSS --set-mss 65516
ip netns exec r ip6tables -t mangle -A FORWARD -p tcp --syn -j TCPMSS --set-mss 65496
ip netns exec r iptables -t mangle -A FORWARD -p tcp --syn -j TCPMSS ! --set-mss 1000
# x_tables wants a SYN test (another namespace: legacy tables there would make iptables-nft warn)
ip netns add x
ip netns exec x iptables-legacy -t mangle -A FORWARD -p tcp -j TCPMSS --set-mss 1000
ip netns exec x iptables-legacy -t mangle -A FORWARD -p tcp ! --tcp-flags SYN,RST SYN -j TCPMSS --set-mss 1000
ip netns exec x iptables-legacy -t mangle -A FORWARD -p tcp --tcp-flags ACK ACK -j TCPMSS --set-mss 1000
ip netns exec x iptables-legacy -t mangle -A FORWARD -p tcp --tcp-flags ALL SYN,ACK -j TCPMSS --set-mss 1000
ip netns exec x ip6tables-legacy -t mangle -A POSTROUTING -p tcp -j TCPMSS --clamp-mss-to-pmtu
ip netns exec x ip6tables-legacy -t mangle -A POSTROUTING -p tcp --syn -j TCPMSS --clamp-mss-to-pmtu
ip netns exec x ip6tables-legacy -t mangle -A PREROUTING -p tcp --syn -j TCPMSS --clamp-mss-to-pmtu
ip netns exec x iptables-legacy-save -t mangle | grep -v '^#'
ip netns exec x ip6tables-legacy -t mangle -L -v -x -n
ip netns exec r iptables -A INPUT -p tcp -m tcpmss --mss 1460:1000
ip netns exec r iptables -A INPUT -m tcpmss --mss 1000
ip netns exec r iptables -S INPUT
# IPv4: a fixed MSS on the router (iptables-nft); the far side counts what arrives
ip netns exec r iptables -t mangle -A FORWARD -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --set-mss 1000
ip netns exec r iptables -t mangle -A FORWARD -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --set-mss 1200
ip netns exec b iptables -A INPUT -p tcp -m tcpmss --mss 1000
ip netns exec b iptables -A INPUT -p tcp -m tcpmss --mss 1001:65535
ip netns exec a iptables -A INPUT -p tcp -m tcpmss --mss 1000
ip netns exec b socat /dev/null TCP4-LISTEN:7000 &
ip netns exec a socat /dev/null TCP4:10.2.0.2:7000
ip netns exec r iptables -t mangle -L FORWARD -v -x -n
ip netns exec b iptables -L INPUT -v -x -n
ip netns exec a iptables -L INPUT -v -x -n
ip netns exec r iptables -t mangle -S
ip netns exec r iptables -t mangle -L FORWARD
ip netns exec r nft list table ip mangle
# clamping instead: the SYN's 1460 lowered to the 1400-byte link's 1360, both ways
ip netns exec r iptables -t mangle -F FORWARD
ip netns exec r iptables -t mangle -A FORWARD -p tcp --syn -j TCPMSS --clamp-mss-to-pmtu
ip netns exec b iptables -I INPUT -p tcp -m tcpmss --mss 1360
ip netns exec a iptables -I INPUT -p tcp -m tcpmss --mss 1360
ip netns exec b socat /dev/null TCP4-LISTEN:7002 &
ip netns exec a socat /dev/null TCP4:10.2.0.2:7002
ip netns exec r iptables -t mangle -L FORWARD -v -x -n
ip netns exec b iptables -L INPUT -v -x -n
ip netns exec a iptables -L INPUT -v -x -n
# IPv6: the corpus's rule (ip6tables-nft), listed
ip netns exec r ip6tables -t mangle -A FORWARD -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --set-mss 1340
ip netns exec r ip6tables -t mangle -A FORWARD -p tcp -j TCPMSS --clamp-mss-to-pmtu
ip netns exec r ip6tables -t mangle -S FORWARD
ip netns exec r ip6tables -t mangle -L FORWARD -v -x -n
ip netns exec r ip6tables -t mangle -L FORWARD
