#!/bin/bash
# Adapted from https://www.jianshu.com/p/ffd9675f6f41 (as reposted at
# https://pmdaddy.cn/tech/43430.html): a bridge br0 with a veth pair veth11/veth12, two
# bridge-mode macvlans on veth12 in ns1 and ns2, and veth12 itself moved into ns3 and renamed
# eth0. As the tutorial finds: ns1 reaches br0 and its sibling in ns2, but not ns3, which holds
# the macvlans' own lower device; with veth11 down the lower loses its carrier and the siblings
# lose each other too. Left out: the tutorial's `bridge fdb` listing of learned entries (not
# modelled yet) and its `| grep ether` filters (the listings are shown whole).
ip link add name br0 type bridge
ip link add name veth11 type veth peer veth12
ip link set veth11 master br0
ip addr add 192.168.0.1/24 dev br0
ip link set veth11 up
ip link set veth12 up
ip link set br0 up
ip netns add ns1
ip netns add ns2
ip netns add ns3
ip netns exec ns1 ip link set lo up
ip netns exec ns2 ip link set lo up
ip netns exec ns3 ip link set lo up
ip link add veth12.1 link veth12 type macvlan mode bridge
ip link add veth12.2 link veth12 type macvlan mode bridge
ip link set netns ns1 veth12.1
ip link set netns ns2 veth12.2
ip link set netns ns3 veth12
ip netns exec ns1 ip link set veth12.1 name eth0
ip netns exec ns2 ip link set veth12.2 name eth0
ip netns exec ns3 ip link set veth12 name eth0
ip netns exec ns1 ip addr add 192.168.0.11/24 dev eth0
ip netns exec ns2 ip addr add 192.168.0.12/24 dev eth0
ip netns exec ns3 ip addr add 192.168.0.254/24 dev eth0
ip netns exec ns1 ip link set eth0 up
ip netns exec ns2 ip link set eth0 up
ip netns exec ns3 ip link set eth0 up
ip netns exec ns1 ping -c 1 192.168.0.1
ip netns exec ns1 ping -c 1 192.168.0.254
ip netns exec ns1 ping -c 1 192.168.0.12
ip netns exec ns1 ip link
ip netns exec ns2 ip link
ip link set veth11 down
ip netns exec ns3 ip link show type veth
ip netns exec ns1 ping -c 1 192.168.0.12
ip link set veth11 up
ip netns exec ns1 ping -c 1 192.168.0.12
