#!/bin/bash
# Adapted from "How to Understand /proc/sys/net/ipv6/conf Parameters" (OneUptime):
# https://oneuptime.com/blog/post/2026-03-20-proc-sys-net-ipv6-conf-parameters/view
# The all/, default/, lo/ and per-interface folders read and written on a namespace with one
# veth (eth0): accept_ra and autoconf per device, forwarding on all/ (it reaches every device),
# default/ only for devices made later, disable_ipv6 on one interface (its addresses go).
ip netns add box
ip link add eth0 type veth peer name eth1 netns box
ip link set eth0 up
ip -n box link set eth1 up
ip -6 addr add 2001:db8::1/64 dev eth0
cat /proc/sys/net/ipv6/conf/eth0/accept_ra
sysctl -w net.ipv6.conf.eth0.accept_ra=2
cat /proc/sys/net/ipv6/conf/eth0/autoconf
sysctl -w net.ipv6.conf.eth0.autoconf=0
cat /proc/sys/net/ipv6/conf/all/forwarding
sysctl -w net.ipv6.conf.all.forwarding=1
sysctl net.ipv6.conf.eth0.forwarding net.ipv6.conf.default.forwarding net.ipv6.conf.lo.forwarding
sysctl net.ipv6.conf.eth0.accept_ra
sysctl -w net.ipv6.conf.default.accept_dad=0
ip link add eth2 type veth peer name eth3 netns box
sysctl net.ipv6.conf.eth2.accept_dad net.ipv6.conf.eth0.accept_dad
cat /proc/sys/net/ipv6/conf/eth0/disable_ipv6
sysctl -w net.ipv6.conf.eth0.disable_ipv6=1
ip -6 addr show dev eth0
sysctl -w net.ipv6.conf.eth0.disable_ipv6=0
ip -6 addr show dev eth0
sysctl -w net.ipv6.conf.eth0.accept_ra=3
sysctl -w net.ipv6.conf.eth9.accept_ra=1
