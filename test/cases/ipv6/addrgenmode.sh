#!/bin/bash
# `ip link set DEV addrgenmode M` (IFLA_INET6_ADDR_GEN_MODE): the mode is stored, the device's
# addresses stay until addrconf configures it again (down and up); stable_secret is refused
# without a secret (its own or conf/default's) and taken with one; the name is checked. On `ip link
# add` the kernel refuses it (EAFNOSUPPORT: the device has no IPv6 state yet), after a name
# that exists and an unknown kind, before the peer's name.
ip netns add A
ip link add va netns A type veth peer name vb netns A
ip -n A link set va address 02:00:00:00:00:0a
ip -n A link set va up
ip -n A link set vb up
ip -n A -6 addr show dev va
ip -n A link set va addrgenmode none
ip netns exec A sysctl net.ipv6.conf.va.addr_gen_mode
ip -n A -6 addr show dev va
ip -n A link set va down
ip -n A link set va up
ip -n A -6 addr show dev va
ip -n A -d link show va
ip -n A link set va addrgenmode stable_secret
ip -n A link set va addrgenmode bogus
ip netns exec A sysctl net.ipv6.conf.va.addr_gen_mode
ip netns exec A sysctl -qw net.ipv6.conf.default.stable_secret=2001:db8::77
ip -n A link set vb addrgenmode eui64
ip netns exec A sysctl net.ipv6.conf.vb.addr_gen_mode
ip -n A link set va addrgenmode stable_secret
ip -n A link set va down
ip -n A link set va up
ip -n A -6 addr show dev va
ip -n A link set va addrgenmode eui64 mtu 1400
ip -n A link show va
ip -n A link set va down
ip -n A link set va up
ip -n A -6 addr show dev va
ip -n A link add vx addrgenmode none type veth peer name vy
ip -n A link add va addrgenmode none type veth peer name vz
ip -n A link add vx addrgenmode none type nosuch
ip -n A link add vx addrgenmode eui64 type veth peer name vb
ip -n A link show vx
