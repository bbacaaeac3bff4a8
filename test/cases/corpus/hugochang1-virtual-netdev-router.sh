#!/bin/bash
# corpus: tutorial: the host as router between two namespaces, IPv4 and IPv6 routes, ping -I
# corpus: timing (DAD)
# source: https://github.com/hugochang1/Tutorial/blob/HEAD/OS/Linux/Network/00_Vitrual_netdev/readme.md
# author: hugochang1 (GitHub)
# licence: not stated
# changes: the readme's code blocks in order; the interactive shells left out; ping counts 1;
#   a sleep for DAD before the IPv6 pings.
sudo ip link add r_etha type veth peer name etha
sudo ip link add r_ethb type veth peer name ethb
sudo ip netns add ns1
sudo ip netns add ns2
sudo ip link set etha netns ns1
sudo ip link set ethb netns ns2
sudo ip addr add 192.168.100.1/24 dev r_etha
sudo ip addr add fd80:100::1/64 dev r_etha
sudo ip addr add 192.168.200.1/24 dev r_ethb
sudo ip addr add fd80:200::1/64 dev r_ethb
sudo ip netns exec ns1 ip addr add 192.168.100.2/24 dev etha
sudo ip netns exec ns1 ip addr add fd80:100::2/64 dev etha
sudo ip netns exec ns2 ip addr add 192.168.200.2/24 dev ethb
sudo ip netns exec ns2 ip addr add fd80:200::2/64 dev ethb
sudo ip link set r_etha up
sudo ip link set r_ethb up
sudo ip netns exec ns1 ip link set etha up
sudo ip netns exec ns1 ip link set lo up
sudo ip netns exec ns2 ip link set ethb up
sudo ip netns exec ns2 ip link set lo up
sudo ip netns exec ns1 ip route add 192.168.200.0/24 via 192.168.100.1 dev etha
sudo ip netns exec ns1 ip route add fd80:200::0/64 via fd80:100::1 dev etha
sudo ip netns exec ns2 ip route add 192.168.100.0/24 via 192.168.200.1 dev ethb
sudo ip netns exec ns2 ip route add fd80:100::0/64 via fd80:200::1 dev ethb
sleep 3
ping -I r_etha 192.168.100.2 -c 1
ping -I r_etha fd80:100::2 -c 1
sudo ip netns exec ns1 ping -I etha 192.168.100.1 -c 1
sudo ip netns exec ns1 ping -I etha fd80:100::1 -c 1
ping -I r_ethb 192.168.200.2 -c 1
sudo ip netns exec ns1 ping 192.168.200.2 -c 1
