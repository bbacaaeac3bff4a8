#!/bin/bash
# corpus: a bridge inside a namespace joining the host's veth and its uplink; IPv6 forwarding
# source: https://github.com/e60e256/Ubuntu-router-test/blob/HEAD/network_config_router.sh
# author: e60e256 (GitHub)
# licence: not stated
# changes: eth0 (the machine's NIC, moved into the namespace by the script) replaced by a veth
#   made first.
ip link add eth0 type veth peer name eth0-peer
ip netns add NS
ip netns exec NS ip link add name br0 type bridge
ip link add NS-veth1 type veth peer name veth0
ip link set NS-veth1 netns NS
ip netns exec NS ip link set NS-veth1 master br0
ip addr add 2001:200:0:1cdc:1e60::2110:1/96 dev veth0
ip link set eth0 netns NS
ip netns exec NS ip link set eth0 master br0
ip netns exec NS ip link set eth0 up
ip netns exec NS ip link set br0 up
ip netns exec NS ip link set NS-veth1 up
ip link set veth0 up
sysctl -w net.ipv6.conf.all.forwarding=1
ip netns exec NS sysctl -w net.ipv6.conf.all.forwarding=1
ip netns exec NS bridge link
