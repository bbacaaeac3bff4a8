#!/bin/bash
# Tutorial: the kernel's "Virtual eXtensible Local Area Networking documentation"
# (Documentation/networking/vxlan.rst), as mirrored at
# http://oostech.com/2021/02/19/Kernel-4.18.0-80.el8_vxlan/index.html
# Its commands on two hosts whose eth1 share an underlay: `ip link add vxlan0 type vxlan id 42
# group 239.1.1.1 dev eth1 dstport 4789` (traffic with no forwarding entry goes to the group over
# eth1), `ip -d link show vxlan0`, a static entry added and deleted with `bridge fdb add to …
# dst … dev vxlan0`; then overlay addresses and pings through the group.
ip link add underlay type bridge
ip link set underlay up
for i in 1 2; do
  ip netns add host$i
  ip link add u$i type veth peer name eth1 netns host$i
  ip link set u$i master underlay
  ip link set u$i up
  ip -n host$i link set eth1 up
  ip -n host$i addr add 192.19.0.$i/24 dev eth1
  ip netns exec host$i ip link add vxlan0 type vxlan id 42 group 239.1.1.1 dev eth1 dstport 4789
done
ip netns exec host1 ip -d link show vxlan0
ip netns exec host1 bridge fdb add to 00:17:42:8a:b4:05 dst 192.19.0.2 dev vxlan0
ip netns exec host1 bridge fdb delete 00:17:42:8a:b4:05 dev vxlan0
for i in 1 2; do
  ip -n host$i addr add 10.0.42.$i/24 dev vxlan0
  ip -n host$i link set vxlan0 up
done
ip netns exec host1 ping -c 3 -i 0.2 -W 1 10.0.42.2
ip netns exec host2 ping -c 1 -W 1 10.0.42.1
ip netns exec host1 ip link delete vxlan0
ip netns exec host2 ping -c 1 -W 1 10.0.42.1
