#!/bin/bash
# corpus: IPv6 playground: red and blue joined by a veth, static ULA addresses, ping -6
# corpus: timing (DAD)
# source: https://ehaas.net/blog/static-ipv6-playground
# author: Edward Haas (ehaas.net)
# licence: not stated
# changes: the addresses of the post's later steps (cut from the stored page) chosen as
#   fd00::1/64 and fd00::2/64; a sleep for DAD and a ping -c 1 appended.
sudo ip netns add red
sudo ip netns add blue
sudo ip netns exec red ip link set lo up
sudo ip netns exec blue ip link set lo up
sudo ip link add veth00 type veth peer name veth10
sudo ip link set veth00 up
sudo ip link set veth10 up
sudo ip link set dev veth00 netns red
sudo ip link set dev veth10 netns blue
sudo ip netns exec red ip addr
sudo ip netns exec red ip link set veth00 up
sudo ip netns exec blue ip link set veth10 up
sudo ip netns exec red ip -6 addr add fd00::1/64 dev veth00
sudo ip netns exec blue ip -6 addr add fd00::2/64 dev veth10
sleep 3
sudo ip netns exec red ping -6 -c 1 fd00::2
sudo ip netns exec red ip -6 route
