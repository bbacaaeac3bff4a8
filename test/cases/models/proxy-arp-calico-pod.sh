#!/bin/bash
# Calico's pod networking: each pod has a /32 and a default route via 169.254.1.1, an address
# nobody holds; the host side of its veth has no address and proxy_arp=1, so the host answers
# the pod's ARP for 169.254.1.1 with its own MAC (arp_fwd_proxy: the host would route
# 169.254.1.1 out of another device) and then routes the pod's packets by its /32 routes.
# Without proxy_arp (pod3) the ARP gets no answer. The answer to a broadcast request waits a
# random part of proxy_delay (0.8 s): the first ping waits for two of them (pod1 asks for
# 169.254.1.1, then pod2 to answer), so it allows 3 s; ping times are not compared.
sysctl -w net.ipv4.ip_forward=1
ip netns add pod1
ip netns add pod2
ip netns add pod3
ip netns add up
ip link add eth1 type veth peer name eth0 netns up
ip link set eth1 up
ip addr add 192.168.50.1/24 dev eth1
ip -n up link set eth0 up
ip -n up addr add 192.168.50.254/24 dev eth0
ip route add default via 192.168.50.254
for i in 1 2 3; do
  ip link add cali$i type veth peer name eth0 netns pod$i
  ip link set cali$i up
  ip -n pod$i link set lo up
  ip -n pod$i link set eth0 up
  ip -n pod$i addr add 10.244.0.$i/32 dev eth0
  ip -n pod$i route add 169.254.1.1 dev eth0 scope link
  ip -n pod$i route add default via 169.254.1.1 dev eth0
  ip route add 10.244.0.$i dev cali$i scope link
done
sysctl -w net.ipv4.conf.cali1.proxy_arp=1
echo 1 > /proc/sys/net/ipv4/conf/cali2/proxy_arp
sysctl net.ipv4.conf.cali2.proxy_arp
ip netns exec pod1 ping -c 1 -W 3 10.244.0.2
ip netns exec pod1 ping -c 2 -i 0.2 -W 1 192.168.50.1
ip netns exec pod2 ping -c 1 -W 1 10.244.0.1
ip -n pod1 neigh show
ip netns exec pod3 ping -c 1 -W 1 10.244.0.1
ip -n pod1 route get 10.244.0.2
ip route get 169.254.1.1 from 10.244.0.1 iif cali1
