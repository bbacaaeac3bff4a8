#!/bin/bash
# Tutorial: "VXLAN with multicast underlay" —
# https://oneuptime.com/blog/post/2026-03-20-vxlan-multicast-underlay/view
# The post's three-host example: underlay 10.0.0.1-3 on eth0, on each host
# `ip link add vxlan0 type vxlan id 100 dstport 4789 group 239.1.1.1 dev eth0`, overlay
# 10.100.0.N/24, then from host 1 `ping -c 3` to hosts 2 and 3. The hosts are namespaces whose
# eth0 share one bridge (the post's multicast-capable underlay); its iptables rules are not needed
# here (nothing filters) and are left out.
ip link add lan type bridge
ip link set lan up
for i in 1 2 3; do
  ip netns add host$i
  ip link add p$i type veth peer name eth0 netns host$i
  ip link set p$i master lan
  ip link set p$i up
  ip -n host$i link set eth0 up
  ip -n host$i addr add 10.0.0.$i/24 dev eth0
  ip netns exec host$i ip link add vxlan0 type vxlan id 100 dstport 4789 group 239.1.1.1 dev eth0
  ip netns exec host$i ip addr add 10.100.0.$i/24 dev vxlan0
  ip netns exec host$i ip link set vxlan0 up
done
ip netns exec host1 ping -c 3 -i 0.2 -W 1 10.100.0.2
ip netns exec host1 ping -c 3 -i 0.2 -W 1 10.100.0.3
ip netns exec host3 ping -c 1 -W 1 10.100.0.2
ip -n host1 -d link show vxlan0
