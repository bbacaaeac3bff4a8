#!/bin/bash
# Tutorial: "proxy_arp in calico" — https://www.sobyte.net/post/2022-06/proxy-arp-calico/
# The post's setup, as it describes it: a "pod" namespace whose veth end (veth2) holds the pod's
# address, routes `169.254.1.1 dev veth2 scope link` and `default via 169.254.1.1 dev veth2`,
# and the host end (veth1) with no address and proxy_arp turned on by
# `echo 1 > /proc/sys/net/ipv4/conf/veth1/proxy_arp`; the host routes the pod's /32 to veth1.
# The pod's ARP for 169.254.1.1 is answered with veth1's MAC once the host forwards and has a
# route for 169.254.1.1 (a default route, as every real host has); then the pod reaches the
# host. Each unanswered ARP is left to fail (3 s) before the next change.
ip netns add ns1
ip link add veth1 type veth peer name veth2
ip link set veth2 netns ns1
ip netns exec ns1 ip addr add 10.10.10.2/32 dev veth2
ip netns exec ns1 ip link set veth2 up
ip link set veth1 up
ip netns exec ns1 ip route add 169.254.1.1 dev veth2 scope link
ip netns exec ns1 ip route add default via 169.254.1.1 dev veth2
ip netns exec ns1 ip route
ip addr add 192.168.100.1/24 dev lo
ip route add 10.10.10.2 dev veth1
ip netns exec ns1 ping -c 1 -W 1 192.168.100.1
sleep 3
ip netns exec ns1 ip neigh
echo 1 > /proc/sys/net/ipv4/conf/veth1/proxy_arp
cat /proc/sys/net/ipv4/conf/veth1/proxy_arp
ip netns exec ns1 ping -c 1 -W 1 192.168.100.1
sleep 3
sysctl -w net.ipv4.ip_forward=1
ip route add default dev lo
ip netns exec ns1 ping -c 2 -W 1 192.168.100.1
ip netns exec ns1 ip neigh
ip neigh show dev veth1
