#!/usr/bin/env bash
# The usual way to build many hosts: a loop over $(seq …) or {1..N}, a bridge, one veth pair each.
set -e
ip link add br0 type bridge
ip link set br0 up
ip addr add 10.10.0.254/24 dev br0
for i in $(seq 1 4); do
  ip netns add h$i
  ip link add veth$i type veth peer name eth0 netns h$i
  ip link set veth$i master br0 up
  ip -n h$i addr add 10.10.0.$i/24 dev eth0
  ip -n h$i link set eth0 up
  ip -n h$i link set lo up
done
for i in {1..4}; do
  ip netns exec h$i ip -br addr show dev eth0
done
ip netns list | wc -l
ip -br link show master br0 | awk '{print $1}'
for ((i = 1; i <= 2; i++)); do
  ip netns exec h$i ping -c 1 -W 1 10.10.0.$((i + 2)) | grep -c 'bytes from'
done
