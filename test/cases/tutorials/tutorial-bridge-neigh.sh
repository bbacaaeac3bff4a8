#!/bin/bash
# Tutorial style (red/blue on a bridge with the host as gateway): unmodelled lines (for, iptables)
# are skipped in both modes; the bridge's FDB (learned entries included) and the ARP tables
# after the pings. Changed: the bridge and the veths get fixed MACs so that the FDB listing compares.
ip link add v-net-0 address 02:00:00:00:15:00 type bridge
ip link set dev v-net-0 up
for ns in red blue; do ip netns add $ns; done
ip netns add red
ip netns add blue
ip link add veth-red address 02:00:00:00:15:01 type veth peer name veth-red-br address 02:00:00:00:15:11
ip link add veth-blue address 02:00:00:00:15:02 type veth peer name veth-blue-br address 02:00:00:00:15:12
ip link set veth-red netns red
ip link set veth-red-br master v-net-0
ip link set veth-blue netns blue
ip link set veth-blue-br master v-net-0
ip -n red addr add 192.168.15.1/24 dev veth-red
ip -n blue addr add 192.168.15.2/24 dev veth-blue
ip -n red link set veth-red up
ip -n blue link set veth-blue up
ip link set veth-red-br up
ip link set veth-blue-br up
ip addr add 192.168.15.5/24 dev v-net-0
ping -c 1 -W 1 192.168.15.1
ip netns exec blue ip route add 192.168.1.0/24 via 192.168.15.5
ip netns exec blue ping -c 1 -W 1 192.168.15.5
iptables -t nat -A POSTROUTING -s 192.168.15.0/24 -j MASQUERADE
ip netns exec blue ip route add default via 192.168.15.5
ip netns exec blue ip route
bridge fdb show br v-net-0
ip neigh
