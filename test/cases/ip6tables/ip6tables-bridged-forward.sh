#!/bin/bash
# br_netfilter with IPv6: bridge-nf-call-ip6tables is 1 in every namespace, so IPv6 frames a
# bridge forwards cross ip6tables' FORWARD (in and out: the bridge) — a FORWARD policy DROP on
# the bridge's host cuts two namespaces on one bridge apart — an
# accept for the bridge lets them talk again, counted per rule; a frame for the host itself
# runs PREROUTING once; the sysctl turned off takes the bridge out of netfilter.
# X resolving the bridge's own address floods its neighbour solicitation to Y's port too (no MLD
#   querier, so the bridge floods unregistered multicast): that copy crosses FORWARD and is counted.
ip netns add B
ip netns add X
ip netns add Y
ip -n B link add br0 type bridge
ip -n B link set br0 up
ip link add eth0 netns X address 02:00:00:00:05:10 type veth peer name vx netns B
ip link add eth0 netns Y address 02:00:00:00:05:11 type veth peer name vy netns B
ip -n B link set vx master br0
ip -n B link set vy master br0
ip -n B link set vx up
ip -n B link set vy up
ip -n X link set eth0 up
ip -n Y link set eth0 up
ip -n B addr add 2001:db8:5::1/64 dev br0 nodad
ip -n X addr add 2001:db8:5::10/64 dev eth0 nodad
ip -n Y addr add 2001:db8:5::11/64 dev eth0 nodad
# X and Y know each other for good: a neighbour probe between them is forwarded (and counted)
# whenever the kernel's random reachable time runs out, a race with the machine's speed
ip -n X neigh add 2001:db8:5::11 lladdr 02:00:00:00:05:11 dev eth0 nud permanent
ip -n Y neigh add 2001:db8:5::10 lladdr 02:00:00:00:05:10 dev eth0 nud permanent
# the kernel's repeated MLD reports for the new addresses are over before the rules count
sleep 3
ip netns exec X ping -c 1 -W 1 2001:db8:5::11
ip netns exec B sysctl net.bridge.bridge-nf-call-ip6tables
# the hosts' router solicitations (every 4 s) would reach FORWARD at the kernel's wall-clock times: kept out of the counts
ip netns exec B ip6tables -t mangle -A PREROUTING -p icmpv6 --icmpv6-type router-solicitation -j DROP
ip netns exec B ip6tables -P FORWARD DROP
ip netns exec B ip6tables -A PREROUTING -t raw -i br0 -s 2001:db8:5::10
ip netns exec X ping -c 1 -W 1 2001:db8:5::11
ip netns exec B ip6tables -A FORWARD -i br0 -o br0 -p icmpv6 --icmpv6-type echo-request -j ACCEPT
ip netns exec X ping -c 1 -W 1 2001:db8:5::11
ip netns exec B ip6tables -A FORWARD -i br0 -o br0 -j ACCEPT
ip netns exec X ping -c 2 -i 0.2 -W 1 2001:db8:5::11
ip netns exec X ping -c 1 -W 1 2001:db8:5::1
ip netns exec B ip6tables -L FORWARD -v -n -x
ip netns exec B ip6tables -t raw -L PREROUTING -v -n -x
ip netns exec B ip6tables -F FORWARD
ip netns exec B sysctl -qw net.bridge.bridge-nf-call-ip6tables=0
ip netns exec Y ping -c 1 -W 1 2001:db8:5::10
ip netns exec B ip6tables -L FORWARD -v -n -x
