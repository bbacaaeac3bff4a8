#!/bin/bash
# The reply of a bridged connection that MASQUERADE translated at the bridge's POSTROUTING is
# bridged again by the kernel (TTL 64): br_nf_pre_routing_finish sends a frame whose
# destination NAT changed back to the bridge when the new destination is behind the same
# bridge ("bridged DNAT"). Fixed: the simulator once routed it (TTL 63).
# From test/cases/netfilter-tutorials/lxc-masquerade-bridge-members.sh (LXC's rule without `! -d`).
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
iptables -t nat -A POSTROUTING -s 10.0.3.0/24 -j MASQUERADE
ip netns exec ct3 ping -c 1 -W 1 10.0.3.2
iptables -t nat -L POSTROUTING -n -v -x
conntrack -L
