#!/usr/bin/env bash
# Hosts kept in an associative array, as lab scripts keep them: the namespaces are made in the
# order bash lists the keys (its hash order, not the order written), so `ip netns list` and the
# bridge's ports show that order; an indexed array with a hole drives the pings.
set -e
declare -A hosts=([web]=10.20.0.11 [db]=10.20.0.12 [cache]=10.20.0.13 [lb]=10.20.0.14 [mon]=10.20.0.15)
ip link add br0 type bridge
ip link set br0 up
ip addr add 10.20.0.254/24 dev br0
n=0
for h in "${!hosts[@]}"; do
  n=$((n + 1))
  ip netns add "$h"
  ip link add "v$n" type veth peer name eth0 netns "$h"
  ip link set "v$n" master br0 up
  ip -n "$h" addr add "${hosts[$h]}/24" dev eth0
  ip -n "$h" link set eth0 up
done
echo "${#hosts[@]} hosts: ${!hosts[*]}"
ip netns list
ip -br link show master br0 | awk '{print $1}'
targets=(web db cache)
unset 'targets[1]'
for i in "${!targets[@]}"; do
  ip netns exec lb ping -c 1 -W 1 "${hosts[${targets[$i]}]}" | grep -c 'bytes from'
done
unset 'hosts[mon]'
for h in "${!hosts[@]}"; do
  ip -n "$h" -br addr show dev eth0 | awk '{print $3}'
done
