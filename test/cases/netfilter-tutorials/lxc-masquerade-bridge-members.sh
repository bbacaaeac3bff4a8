#!/bin/bash
# Adapted from "MASQUERADE rule added by lxc", x-yuri's question and its answer on the LXC forum,
# https://discuss.linuxcontainers.org/t/masquerade-rule-added-by-lxc/3651/2
# LXC writes `-s 10.0.3.0/24 ! -d 10.0.3.0/24 -j MASQUERADE`; the question asks why the
# `! -d` part, when dropping it "makes no visible difference" between two containers of lxcbr0;
# the answer: iptables sees traffic between bridge members only when bridge netfilter is on.
# Changes: the containers are namespaces on lxcbr0 (10.0.3.1 the bridge, .2 and .3 the
# containers); tcpdump is replaced by conntrack -L and the counters. With `! -d` nothing between
# the containers is translated; without it and with bridge-nf-call-iptables at 0 (it is 1 in
# every new namespace on this kernel) neither. (Without `! -d` and with the sysctl at 1 the
# kernel does translate them, and bridges the reply again: test/cases/regressions/004-bridged-masquerade-reply.sh.)
# (Bridges are made with mcast_snooping 0: a snooping bridge with an address joins 224.0.0.106
# and sends IGMP reports at random moments, which the simulator does not model.)
ip netns add ct2
ip netns add ct3
ip link add lxcbr0 type bridge mcast_snooping 0
ip addr add 10.0.3.1/24 dev lxcbr0
ip link set lxcbr0 up
ip link add veth2 type veth peer name eth0 netns ct2
ip link add veth3 type veth peer name eth0 netns ct3
ip link set veth2 master lxcbr0
ip link set veth3 master lxcbr0
ip link set veth2 up
ip link set veth3 up
ip -n ct2 addr add 10.0.3.2/24 dev eth0
ip -n ct3 addr add 10.0.3.3/24 dev eth0
ip -n ct2 link set eth0 up
ip -n ct3 link set eth0 up
sysctl -w net.ipv4.ip_forward=1
iptables -t nat -A POSTROUTING -s 10.0.3.0/24 ! -d 10.0.3.0/24 -j MASQUERADE
ip netns exec ct3 ping -c 1 -W 1 10.0.3.2
iptables -t nat -L POSTROUTING -n -v -x
conntrack -L
conntrack -F
sysctl -w net.bridge.bridge-nf-call-iptables=0
iptables -t nat -F POSTROUTING
iptables -t nat -A POSTROUTING -s 10.0.3.0/24 -j MASQUERADE
ip netns exec ct3 ping -c 1 -W 1 10.0.3.2
iptables -t nat -L POSTROUTING -n -v -x
conntrack -L
