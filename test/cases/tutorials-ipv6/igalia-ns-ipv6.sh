#!/bin/bash
# Adapted from "Network namespaces: IPv6 connectivity" (Diego Pino García):
# https://blogs.igalia.com/dpino/2016/05/02/network-namespaces-ipv6/
# The host and a namespace share a ULA /64 over a veth; the namespace's default route goes via
# the host, which forwards. The ip6tables NAT lines and the upstream SIT tunnel are left out
# (no upstream here); the cleanup lines run first, on nothing, as in the original.
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
ip netns exec ns-ipv6 ip -6 route
ip netns exec ns-ipv6 ping6 -c 2 ${VETH1_IPV6}
ip netns exec ns-ipv6 ping -6 -c 1 -W 1 2001:db8::8888
ip -6 route get fd00::2
ip netns exec ns-ipv6 ip -6 route get 2001:db8::8888
