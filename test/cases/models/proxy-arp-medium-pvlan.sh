#!/bin/bash
# The router answers ARP for hosts it routes elsewhere (proxy_arp), unless medium_id puts the two
# devices on one medium (same id) or marks the device -1 (never); proxy_arp_pvlan answers for
# addresses routed back out of the device the request came in on (private VLAN).
# Each step asks for a new address, and an unanswered one is left to fail (3 s) before the
# next change, so no answer comes from a later setting.
sysctl -w net.ipv4.ip_forward=1
ip addr add 192.168.0.1/32 dev lo
ip netns add a
ip netns add b
ip netns add c
ip link add va type veth peer name eth0 netns a
ip link add vb type veth peer name eth0 netns b
ip link add vc type veth peer name eth0 netns c
ip link set va up
ip link set vb up
ip link set vc up
ip -n a link set eth0 up
ip -n b link set eth0 up
ip -n c link set eth0 up
ip -n a addr add 10.0.0.2/24 dev eth0
for x in 3 4 5 6 7; do ip -n b addr add 10.0.0.$x/24 dev eth0; ip route add 10.0.0.$x dev vb; done
ip route add 10.0.0.2 dev va
sysctl -w net.ipv4.conf.va.proxy_arp=1 net.ipv4.conf.vb.proxy_arp=1
ip netns exec a ping -c 1 -W 2 10.0.0.3
sysctl -w net.ipv4.conf.va.medium_id=1 net.ipv4.conf.vb.medium_id=1
ip netns exec a ping -c 1 -W 2 10.0.0.4
sleep 2
ip -n a neigh show 10.0.0.4
sysctl -w net.ipv4.conf.vb.medium_id=2
ip netns exec a ping -c 1 -W 2 10.0.0.5
sysctl -w net.ipv4.conf.va.medium_id=-1
ip netns exec a ping -c 1 -W 2 10.0.0.6
sleep 2
ip -n a neigh show 10.0.0.6
sysctl -w net.ipv4.conf.va.medium_id=0 net.ipv4.conf.va.proxy_arp=0 net.ipv4.conf.all.proxy_arp=1
ip netns exec a ping -c 1 -W 2 10.0.0.7
ip -n a neigh show 10.0.0.7
ip -n c addr add 10.2.0.2/24 dev eth0
ip addr add 10.2.0.1/24 dev vc
ip netns exec c ping -c 1 -W 1 10.2.0.9
sleep 3
ip -n c neigh show 10.2.0.9
sysctl -w net.ipv4.conf.vc.proxy_arp_pvlan=1
ip netns exec c ping -c 1 -W 1 10.2.0.8
ip -n c neigh show 10.2.0.8
