#!/bin/bash
# corpus: share IPv6 connectivity with a namespace: ULA on a veth, default route, forwarding, ip6tables NAT
# corpus: timing (DAD)
# source: https://blogs.igalia.com/dpino/2016/05/02/network-namespaces-ipv6/
# author: Diego Pino García (Igalia)
# licence: not stated
# changes: the root check removed; the tunnel interface he-ipv6 the MASQUERADE rule names is
#   absent here (the rule is still accepted); the interactive shell at the end replaced by a
#   sleep for DAD and a ping -6 -c 1 of the host end.
set -x
VETH1_IPV6=fd00::1
VPEER1_IPV6=fd00::2
ip netns del ns-ipv6 &>/dev/null
ip li del veth1 &> /dev/null
ip netns add ns-ipv6
ip li add name veth1 type veth peer name vpeer1
ip -6 addr add ${VETH1_IPV6}/64 dev veth1
ip li set dev veth1 up
ip li set dev vpeer1 netns ns-ipv6
ip netns exec ns-ipv6 ip li set dev lo up
ip netns exec ns-ipv6 ip -6 addr add ${VPEER1_IPV6}/64 dev vpeer1
ip netns exec ns-ipv6 ip li set vpeer1 up
ip netns exec ns-ipv6 ip -6 route add default dev vpeer1 via ${VETH1_IPV6}
sysctl -w net.ipv6.conf.all.forwarding=1
ip6tables -t nat --flush
ip6tables -t nat -A POSTROUTING -o he-ipv6 -j MASQUERADE
sleep 3
ip netns exec ns-ipv6 ping -6 -c 1 ${VETH1_IPV6}
