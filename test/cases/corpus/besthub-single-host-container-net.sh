#!/bin/bash
# corpus: single-host container networking: inspect the host, a marker chain, netns0 via nsenter, a second namespace and the routing conflict
# source: https://www.besthub.dev/articles/mastering-single-host-container-networking-namespaces-veth-bridges-nat-5db04d354942
# author: Liangxu Linux (besthub.dev; after Ivan Velichko's "Container Networking Is Simple")
# licence: not stated
# changes: the interactive nsenter shell replaced by nsenter --net=… COMMAND per line; pings -c 1.
echo "> Network devices"
ip link
echo -e "\n> Route table"
ip route
echo -e "\n> Iptables rules"
iptables --list-rules
sudo iptables -N ROOT_NS
sudo ip netns add netns0
ip netns list
sudo ip link add veth0 type veth peer name ceth0
sudo ip link set ceth0 netns netns0
sudo ip link set veth0 up
sudo ip addr add 172.18.0.11/16 dev veth0
sudo nsenter --net=/var/run/netns/netns0 ip link set lo up
sudo nsenter --net=/var/run/netns/netns0 ip link set ceth0 up
sudo nsenter --net=/var/run/netns/netns0 ip addr add 172.18.0.10/16 dev ceth0
sudo nsenter --net=/var/run/netns/netns0 ping -c 1 172.18.0.11
ping -c 1 172.18.0.10
sudo ip netns add netns1
sudo ip link add veth1 type veth peer name ceth1
sudo ip link set ceth1 netns netns1
sudo ip link set veth1 up
sudo ip addr add 172.18.0.21/16 dev veth1
sudo nsenter --net=/var/run/netns/netns1 ip link set lo up
sudo nsenter --net=/var/run/netns/netns1 ip link set ceth1 up
sudo nsenter --net=/var/run/netns/netns1 ip addr add 172.18.0.20/16 dev ceth1
sudo nsenter --net=/var/run/netns/netns1 ping -c 1 172.18.0.21
ip route
