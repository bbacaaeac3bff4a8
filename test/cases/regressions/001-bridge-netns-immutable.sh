#!/bin/bash
# A bridge cannot change namespace: the kernel refuses `ip link set BRIDGE netns NS` with
# "Error: The interface netns is immutable." (exit 2; bridges carry NETIF_F_NETNS_LOCAL), and
# the bridge stays where it was, with its ports and addresses.
# Found by the random-lab property (nettwin gen --seed 20260601, lab 33; also seed 11, labs 35,
# 71, 191), shrunk by step deletion.
ip netns add router
ip netns add gw
ip netns exec router ip link add br1 type bridge
ip netns exec router ip link set br1 netns gw
ip -n router -br link show br1
ip -n gw -br link show
