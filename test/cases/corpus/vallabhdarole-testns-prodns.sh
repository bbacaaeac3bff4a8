#!/bin/bash
# corpus: two namespaces joined by a veth pair, checked at each step
# source: https://vallabhdarolelinux.blogspot.com/2026/07/linux-network-namespace-tutorial.html
# author: Vallabh Darole (blogspot)
# licence: not stated
# changes: the host routes of step 2 come from his VM (this sandbox has none); later steps
#   (cut from the stored page) written as addresses 10.10.10.1-2/24, link up and a ping -c 1.
ip netns add testns
ip netns add prodns
ip netns exec testns ip link
ip r
ip link add vnix-prodns type veth peer name vnic-testns
ip link
ip link set vnix-prodns netns prodns
ip link set vnic-testns netns testns
ip netns exec testns ip link
ip netns exec prodns ip link
ip netns exec prodns ip addr add 10.10.10.1/24 dev vnix-prodns
ip netns exec testns ip addr add 10.10.10.2/24 dev vnic-testns
ip netns exec prodns ip link set vnix-prodns up
ip netns exec testns ip link set vnic-testns up
ip netns exec testns ping -c 1 10.10.10.1
