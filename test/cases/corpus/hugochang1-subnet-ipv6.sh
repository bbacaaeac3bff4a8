#!/bin/bash
# corpus: tutorial on subnets: several IPv4 and IPv6 addresses on one veth pair, routes, ping -I
# source: https://github.com/hugochang1/Tutorial/blob/HEAD/OS/Linux/Network/02_subnet/readme.md
# author: hugochang1 (GitHub)
# licence: not stated
# changes: the commands of the readme's code blocks in order; pings given -c 1; the
#   interactive shell in ns1 replaced by ip netns exec; tcpdump left out.
sudo ip link add veth0 type veth peer name veth1
sudo ip netns add ns1
sudo ip link set veth1 netns ns1
sudo ip addr add 192.168.10.1/24 dev veth0
sudo ip addr add 192.168.10.101/24 dev veth0
sudo ip addr add 192.168.101.1/24 dev veth0
sudo ip addr add fd00::1/64 dev veth0
sudo ip addr add fe01::1/64 dev veth0
sudo ip netns exec ns1 ip addr add 192.168.10.2/24 dev veth1
sudo ip netns exec ns1 ip addr add 192.168.10.102/24 dev veth1
sudo ip netns exec ns1 ip addr add 192.168.102.2/24 dev veth1
sudo ip netns exec ns1 ip addr add fd00::2/64 dev veth1
sudo ip netns exec ns1 ip addr add fe02::2/64 dev veth1
sudo ip link set veth0 up
sudo ip netns exec ns1 ip link set veth1 up
sudo ip netns exec ns1 ip link set lo up
sudo ip route add 192.168.102.0/24 dev veth0
sudo ip route add fe02::2/64 dev veth0
sudo ip netns exec ns1 ip route add 192.168.101.0/24 dev veth1
sudo ip netns exec ns1 ip route add fe01::1/64 dev veth1
ping -c 1 -I veth0 192.168.10.2
ping -c 1 -I veth0 192.168.10.102
ping -c 1 -I veth0 192.168.102.2
ip netns exec ns1 ping -c 1 -I veth1 192.168.10.1
ip netns exec ns1 ping -c 1 -I veth1 192.168.101.1
