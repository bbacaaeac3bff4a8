#!/bin/bash
# Tutorial: "More fun with veth, network namespaces, VLANs – V – link two L2-segments of the same
# IP-subnet by a routing network namespace" —
# https://linux-blog.anracom.com/2024/03/08/more-fun-with-veth-network-namespaces-vlans-v-link-two-l2-segments-of-the-same-ip-subnet-by-a-routing-network-namespace/
# The series' scenario as the posts describe it: two L2 segments (a Linux bridge each, two
# namespaces on each) whose addresses all lie in one /24, joined by a coupling namespace netnsR
# with one veth into each segment and a host route per address. Without forwarding the two
# segments stay apart; forwarding alone does not help (the hosts ARP for each other across the
# segment border and nobody answers); proxy ARP on netnsR's two border NICs links them.
ip netns add netns1
ip netns add netns2
ip netns add netns3
ip netns add netns4
ip netns add netnsR
ip link add brx type bridge
ip link add bry type bridge
ip link set brx up
ip link set bry up
for i in 1 2 3 4; do ip link add veth${i}1 type veth peer name veth${i}2; ip link set veth${i}2 netns netns$i; done
ip link add vethR11 type veth peer name vethR12
ip link add vethR21 type veth peer name vethR22
ip link set vethR12 netns netnsR
ip link set vethR22 netns netnsR
ip link set veth11 master brx
ip link set veth21 master brx
ip link set vethR11 master brx
ip link set veth31 master bry
ip link set veth41 master bry
ip link set vethR21 master bry
for d in veth11 veth21 veth31 veth41 vethR11 vethR21; do ip link set $d up; done
for i in 1 2 3 4; do ip netns exec netns$i ip addr add 192.168.5.$i/24 dev veth${i}2; ip netns exec netns$i ip link set veth${i}2 up; ip netns exec netns$i ip link set lo up; done
ip netns exec netnsR ip link set lo up
ip netns exec netnsR ip addr add 192.168.5.11/24 dev vethR12
ip netns exec netnsR ip addr add 192.168.5.22/24 dev vethR22
ip netns exec netnsR ip link set vethR12 up
ip netns exec netnsR ip link set vethR22 up
ip netns exec netnsR ip route add 192.168.5.1 dev vethR12
ip netns exec netnsR ip route add 192.168.5.2 dev vethR12
ip netns exec netnsR ip route add 192.168.5.3 dev vethR22
ip netns exec netnsR ip route add 192.168.5.4 dev vethR22
ip netns exec netnsR ip route show
ip netns exec netnsR ping -c 1 -W 1 192.168.5.1
ip netns exec netnsR ping -c 1 -W 1 192.168.5.3
ip netns exec netns1 ping -c 1 -W 1 192.168.5.2
ip netns exec netns1 ping -c 1 -W 1 192.168.5.3
sleep 3
ip netns exec netnsR sysctl -w net.ipv4.ip_forward=1
ip netns exec netns1 ping -c 1 -W 1 192.168.5.4
sleep 3
ip netns exec netns1 ip neigh show 192.168.5.4
ip netns exec netnsR sysctl -w net.ipv4.conf.vethR12.proxy_arp=1
ip netns exec netnsR sysctl -w net.ipv4.conf.vethR22.proxy_arp=1
ip netns exec netns1 ping -c 2 -W 2 192.168.5.3
ip netns exec netns4 ping -c 1 -W 2 192.168.5.2
ip netns exec netns2 ping -c 1 -W 1 192.168.5.1
ip netns exec netns1 ip neigh show 192.168.5.3
ip netns exec netnsR ip route get 192.168.5.3 from 192.168.5.1 iif vethR12
