#!/bin/bash
# Docker's overlay network by hand, after Laurent Bernaille's "Deep dive into Docker overlay
# networks" (https://github.com/lbernail/dockeroverlays, create-overlay.sh and
# plumb.sh; the blog series at blog.d2si.io): on each of two hosts the VXLAN device is made in
# the host's namespace and moved into an "overlay" namespace, where a bridge joins it to the
# containers' veths. The device keeps its socket, its routes and its lower device in the
# namespace it was made in (vxlan->net): its listing names that namespace (`vxlan1@if3 …
# link-netns host1`, `dev if2`, the lower device's transmit limits), and deleting the host's
# namespace takes the device with it. Changes: the hosts are namespaces joined by a veth,
# static FDB entries instead of Docker's l2miss/l3miss daemon, no pings (left for a later case).
for h in host1 host2; do ip netns add $h; done
ip link add eth0 netns host1 type veth peer name eth0 netns host2
ip -n host1 addr add 10.0.0.10/24 dev eth0
ip -n host2 addr add 10.0.0.11/24 dev eth0
ip -n host1 link set eth0 up
ip -n host2 link set eth0 up
n=1
for h in host1 host2; do
  ip netns add overns$n
  ip -n overns$n link add dev br0 type bridge
  ip -n overns$n addr add dev br0 192.168.0.1/24
  ip -n $h link add dev vxlan1 type vxlan id 42 dev eth0 proxy learning dstport 4789
  ip -n $h link set vxlan1 netns overns$n
  ip -n overns$n link set vxlan1 master br0
  ip -n overns$n link set vxlan1 up
  ip -n overns$n link set br0 up
  ip netns add c$n
  ip link add dev veth1 netns overns$n mtu 1450 type veth peer name eth0 netns c$n mtu 1450
  ip -n overns$n link set veth1 master br0
  ip -n overns$n link set veth1 up
  ip -n c$n link set dev eth0 address 02:42:c0:a8:00:0$((n + 1))
  ip -n c$n addr add dev eth0 192.168.0.$((n + 1))/24
  ip -n c$n link set eth0 up
  n=$((n + 1))
done
ip -n overns1 neighbor add 192.168.0.3 lladdr 02:42:c0:a8:00:03 dev vxlan1
ip -n overns1 bridge fdb add 02:42:c0:a8:00:03 dev vxlan1 self dst 10.0.0.11 vni 42 port 4789
ip -n overns2 neighbor add 192.168.0.2 lladdr 02:42:c0:a8:00:02 dev vxlan1
ip -n overns2 bridge fdb add 02:42:c0:a8:00:02 dev vxlan1 self dst 10.0.0.10 vni 42 port 4789
ip -n overns1 link show vxlan1
ip -n overns1 -d link show vxlan1
ip -n overns1 -j link show vxlan1
ip -n host1 link show
ip -n overns1 bridge fdb show dev vxlan1
ip netns list
# the host's namespace goes, and its VXLAN device with it
ip netns del host2
ip -n overns2 link show
