#!/bin/bash
# corpus: practical IPv6 lab: 2001:db8:: addresses on two hosts of one switch, ping6 -I
# corpus: timing (DAD)
# source: https://linux.com/learn/intro-to-linux/2017/7/practical-networking-linux-admins-ipv6-routing
# author: Carla Schroder (Linux.com)
# licence: not stated
# changes: the two computers on a switch replaced by the host and a namespace "laptop" joined
#   by a veth (enp0s25 on the host, eth0 in laptop); a sleep for DAD; ping counts 1.
ip netns add laptop
ip link add enp0s25 type veth peer name eth0 netns laptop
ip link set enp0s25 up
ip -n laptop link set eth0 up
sudo ip -6 addr add 2001:0db8::1/64 dev enp0s25
ip addr show enp0s25
sudo ip netns exec laptop ip -6 addr add 2001:0db8::2/64 dev eth0
sleep 3
ping6 -c 1 -I enp0s25 2001:db8::2
sudo ip -6 addr del 2001:0db8::1/64 dev enp0s25
ping6 -c 1 -I enp0s25 2001:db8::2
