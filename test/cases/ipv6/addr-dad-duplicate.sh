#!/bin/bash
# Duplicate address detection between two namespaces: the second to add an address fails DAD
# (`dadfailed tentative`, no local route, its prefix route stays); nodad skips the check on
# both sides; with accept_dad=0 an address is valid at once and defends itself, so the other
# side, still in DAD, fails. Going down removes the failed address.
ip netns add A
ip netns add B
ip link add va netns A type veth peer name vb netns B
ip -n A link set va up
ip -n B link set vb up
ip -n A -6 addr add 2001:db8::1/64 dev va
ip -n A -6 addr show dev va
ip -n B -6 addr add 2001:db8::1/64 dev vb
ip -n B -6 addr show dev vb
ip -n B -j -6 addr show dev vb
ip -n B -6 route show table all
ip -n B link set vb down
ip -n B -6 addr show dev vb
ip -n B link set vb up
ip -n B -6 addr add 2001:db8::2/64 dev vb nodad
ip -n B -6 addr add 2001:db8::1/64 dev vb nodad
ip -n B -6 addr show dev vb
ip netns exec B sysctl -w net.ipv6.conf.vb.accept_dad=0
ip -n A -6 addr add 2001:db8::3/64 dev va
ip -n B -6 addr add 2001:db8::3/64 dev vb
ip -n A -6 addr show dev va
ip -n B -6 addr show dev vb
