#!/bin/bash
# Adapted from Moby's iptables/nftables documentation of a user-defined bridge network with a
# published port (integration/network/bridge/nftablesdoc, "usernet-portmap"), Docker authors,
# https://contextqmd.com/libraries/docker-2/versions/28.5.2/pages/integration/network/bridge/nftablesdoc/generated/usernet-portmap
# Docker drops packets sent straight to a container's address from anywhere but its bridge:
# `ip daddr 192.0.2.2 iifname != "bridge1" drop comment "DROP DIRECT ACCESS"` in raw PREROUTING.
# Changes: written as iptables (raw table) the way Docker's iptables backend writes it; the
# container is a namespace c1 on bridge1 (192.0.2.1 the gateway, 192.0.2.2 the container), a
# second container c2 on the bridge and a neighbour host "lan" routed through the host; pings
# instead of the published TCP port (its DNAT needs TCP, not modelled here).
# (Bridges are made with mcast_snooping 0: a snooping bridge with an address joins 224.0.0.106
# and sends IGMP reports at random moments, which the simulator does not model.)
ip netns add c1
ip netns add c2
ip netns add lan
ip link add bridge1 type bridge mcast_snooping 0
ip addr add 192.0.2.1/24 dev bridge1
ip link set bridge1 up
ip link add vc1 type veth peer name eth0 netns c1
ip link add vc2 type veth peer name eth0 netns c2
ip link set vc1 master bridge1
ip link set vc2 master bridge1
ip link set vc1 up
ip link set vc2 up
ip -n c1 addr add 192.0.2.2/24 dev eth0
ip -n c2 addr add 192.0.2.3/24 dev eth0
ip -n c1 link set eth0 up
ip -n c2 link set eth0 up
ip -n c1 route add default via 192.0.2.1
ip -n c2 route add default via 192.0.2.1
ip link add eth1 type veth peer name eth0 netns lan
ip addr add 198.51.100.1/24 dev eth1
ip link set eth1 up
ip -n lan addr add 198.51.100.2/24 dev eth0
ip -n lan link set eth0 up
ip -n lan route add 192.0.2.0/24 via 198.51.100.1
sysctl -w net.ipv4.ip_forward=1
ip netns exec lan ping -c 1 -W 1 192.0.2.2
iptables -t raw -A PREROUTING -d 192.0.2.2/32 ! -i bridge1 -m comment --comment "DROP DIRECT ACCESS" -j DROP
ip netns exec lan ping -c 1 -W 1 192.0.2.2
ip netns exec c2 ping -c 1 -W 1 192.0.2.2
ip netns exec lan ping -c 1 -W 1 192.0.2.1
iptables -t raw -L PREROUTING -n -v -x
iptables -t raw -S
iptables-save -t raw | grep -v '^#'
