#!/usr/bin/env bash
# `ip -c` (-color, -color=always): iproute2's colour escapes around interface names, MACs, IPv4
# and IPv6 addresses and the UP/DOWN operstates of `ip link` and `ip addr` (full and brief),
# `ip route` and `ip neigh`; `-c=auto` writes no escapes to a pipe (not a terminal), `-c=never`
# none at all, `-j` wins.
# IPv6 addresses are added with nodad and link-local ones are left out (their DAD state moves
# with the kernel's timers); the MACs are set, since a coloured MAC escapes the comparison's
# masking of random ones.
ip link add v0 address 02:00:00:00:00:10 type veth peer name v1 address 02:00:00:00:00:11
ip link add br0 address 02:00:00:00:00:20 type bridge
ip link set v1 master br0
ip addr add 10.1.0.1/24 brd + dev v0
ip addr add 10.1.0.5 peer 10.1.0.6 dev v0
ip addr add 2001:db8::1/64 dev v0 nodad
ip link set v0 up
ip link set v1 up
ip link set lo up
ip -c link | cat -v
ip -color -br link | cat -v
ip -c=always -o link show v1 | cat -v
ip -c addr show lo | cat -v
ip -c -4 addr show v0 | cat -v
ip -c -6 addr show v0 scope global | cat -v
ip -c -br -4 addr | cat -v
ip -c=auto link show v0 | cat -v
ip -c=never -br link | cat -v
ip -c -j link show lo
ip -col link show br0 | cat -v
ip -c=bogus link
ip route add 10.2.0.0/16 via 10.1.0.254
ip route add 192.0.2.0/24 dev v0 src 10.1.0.1
ip -6 route add 2001:db8:1::/48 via 2001:db8::fe dev v0
ip -c route | cat -v
ip -c -4 route show table local dev v0 | cat -v
ip -c -6 route show 2001:db8:1::/48 | cat -v
ip -c -o route show default | cat -v
ip -c route show 10.9.0.0/16 | cat -v
ip neigh add 10.1.0.9 lladdr 02:00:00:00:00:09 dev v0
ip neigh add 2001:db8::9 lladdr 02:00:00:00:00:0a dev v0
ip -c neigh show dev v0 | cat -v
ip -c neigh | cat -v
ip -c -j neigh show 10.1.0.9
