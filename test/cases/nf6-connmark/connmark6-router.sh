#!/bin/bash
# Connection marks over IPv6 on a router: the first packet of each connection from the inside
# gets a connection mark (CONNMARK --set-mark, only for NEW), every packet of it — both ways —
# gets the mark restored onto the packet (CONNMARK --restore-mark), and FORWARD counts the SYNs
# by -m connmark and the SYN-ACKs by -m mark (how many segments the close takes varies with
# the kernel's timing), the unmarked rest by ! --mark; the mark shows in conntrack's listing; an ICMPv6 echo
# is marked apart (nft's ct mark set in an ip6 table, and ct mark / meta mark set ct mark).
ip netns add c
ip netns add r
ip netns add s
ip link add c0 netns c type veth peer name r0 netns r
ip link add s0 netns s type veth peer name r1 netns r
ip -n c addr add 2001:db8:1::2/64 dev c0 nodad
ip -n r addr add 2001:db8:1::1/64 dev r0 nodad
ip -n r addr add 2001:db8:2::1/64 dev r1 nodad
ip -n s addr add 2001:db8:2::2/64 dev s0 nodad
ip -n c link set c0 up
ip -n r link set r0 up
ip -n r link set r1 up
ip -n s link set s0 up
ip -n s link set lo up
ip -n c route add default via 2001:db8:1::1
ip -n s route add default via 2001:db8:2::1
ip netns exec r sysctl -qw net.ipv6.conf.all.forwarding=1
# the path's neighbours first: the first TCP connection through a fresh IPv6 router loses a
# segment in the kernel (a SYN-ACK) and in the simulator (a SYN), each on its own way
ip netns exec c ping -6 -c 1 2001:db8:2::2 > /dev/null
ip netns exec r ip6tables -t mangle -A PREROUTING -i r0 -p tcp -m conntrack --ctstate NEW -j CONNMARK --set-mark 0x7
ip netns exec r ip6tables -t mangle -A PREROUTING -j CONNMARK --restore-mark
ip netns exec r ip6tables -A FORWARD -i r0 -p tcp --syn -m connmark --mark 0x7 -j ACCEPT
ip netns exec r ip6tables -A FORWARD -i r1 -p tcp --tcp-flags SYN,ACK SYN,ACK -m mark --mark 0x7 -j ACCEPT
ip netns exec r ip6tables -A FORWARD -m connmark ! --mark 0x7
ip netns exec r ip6tables -t mangle -S
ip netns exec r ip6tables -S FORWARD
ip netns exec s nc -6 -lk 8000 &
sleep 1
ip netns exec c nc -zv 2001:db8:2::2 8000
ip netns exec c nc -zv 2001:db8:2::2 8000
ip netns exec r nft add table ip6 t
ip netns exec r nft 'add chain ip6 t pre { type filter hook prerouting priority -100; }'
ip netns exec r nft add rule ip6 t pre icmpv6 type echo-request ct mark set 0x9
ip netns exec r nft 'add chain ip6 t fw { type filter hook forward priority 10; }'
ip netns exec r nft add rule ip6 t fw ct mark 0x9 counter meta mark set ct mark
ip netns exec r nft add rule ip6 t fw meta mark 0x9 counter
ip netns exec c ping -6 -c 2 -i 0.2 -q 2001:db8:2::2 > /dev/null
echo "status $?"
ip netns exec r ip6tables -vnxL FORWARD
ip netns exec r nft list table ip6 t
ip netns exec r conntrack -L -f ipv6 2>/dev/null | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^mark=/) m = $i; print $1, m }' | sort
