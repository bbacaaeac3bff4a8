#!/bin/bash
# Adapted from http://fosshelp.blogspot.com/2014/08/how-linux-bridge-broadcast-arp-packets.html
# (How linux bridge broadcast ARP packets and works like a switch): the bridge is made with
# brctl. The shell function wrapper, the echo banner and the ping test are dropped.
###Create 3 Namespaces
sudo ip netns add ns1
sudo ip netns add ns2
sudo ip netns add ns3

###Create Bridge
sudo brctl addbr br-test
sudo brctl stp br-test off
sudo ip link set dev br-test up

###Create veth pairs tap1---br-tap1
sudo ip link add tap1 type veth peer name br-tap1
sudo ip link set tap1 netns ns1
sudo brctl addif br-test br-tap1
sudo ip netns exec ns1 ip link set dev tap1 up
sudo ip link set dev br-tap1 up

###Create veth pairs tap2---br-tap2
sudo ip link add tap2 type veth peer name br-tap2
sudo ip link set tap2 netns ns2
sudo brctl addif br-test br-tap2
sudo ip netns exec ns2 ip link set dev tap2 up
sudo ip link set dev br-tap2 up

###Create veth pairs tap3---br-tap3
sudo ip link add tap3 type veth peer name br-tap3
sudo ip link set tap3 netns ns3
sudo brctl addif br-test br-tap3
sudo ip netns exec ns3 ip link set dev tap3 up
sudo ip link set dev br-tap3 up

###Assign IP
sudo ip netns exec ns1 ip addr add 10.1.1.4/24 dev tap1
sudo ip netns exec ns2 ip addr add 10.1.1.5/24 dev tap2
sudo ip netns exec ns3 ip addr add 10.1.1.6/24 dev tap3
brctl show
