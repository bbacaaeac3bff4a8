#!/bin/bash
# Multicast VXLAN: three hosts on one underlay bridge, each with a VXLAN device in group
# 239.0.0.10 over its underlay NIC (vxlan_igmp_join on `dev`). A frame with no FDB entry
# (ARP's broadcast) goes to the group and reaches every member; each learns the sender's MAC
# behind its unicast address, so the answer and what follows go unicast. A host whose VXLAN
# device is down has left the group and hears nothing; `ip route get` shows the group joined (<local,mc>).
ip link add under type bridge
ip link set under up
for i in 1 2 3; do
  ip netns add h$i
  ip link add u$i type veth peer name eth0 netns h$i
  ip link set u$i master under
  ip link set u$i up
  ip -n h$i link set lo up
  ip -n h$i link set eth0 up
  ip -n h$i addr add 192.168.0.$i/24 dev eth0
  ip -n h$i link add vx0 type vxlan id 42 group 239.0.0.10 dev eth0 dstport 4789
  ip -n h$i addr add 10.42.0.$i/24 dev vx0
  ip -n h$i link set vx0 up
done
ip -n h1 -d link show vx0
ip -n h1 route get 239.0.0.10 oif eth0
ip netns exec h1 ping -c 2 -i 0.2 -W 1 10.42.0.2
ip netns exec h3 ping -c 1 -W 1 10.42.0.1
ip -n h2 link set vx0 down
ip netns exec h1 ping -c 1 -W 1 10.42.0.3
ip netns exec h3 ping -c 1 -W 1 10.42.0.2
ip -n h2 link set vx0 up
ip netns exec h3 ping -c 1 -W 2 10.42.0.2
ip -n h1 route get 239.0.0.10 from 192.168.0.2 iif eth0
