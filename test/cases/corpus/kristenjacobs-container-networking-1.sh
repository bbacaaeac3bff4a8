#!/bin/bash
# corpus: container networking step 1: a namespace "con" joined to the host, then a test ping
# corpus: timing (ip netns del returns before the kernel has destroyed the namespace's devices —
#   cleanup_net runs in a work queue — so whether veth10 still exists for the last line is a race)
# source: https://github.com/kristenjacobs/container-networking/blob/HEAD/1-network-namespace/README.md
# author: Kristen Jacobs (GitHub kristenjacobs)
# licence: not stated
# changes: setup.sh and test.sh (named by the README, not stored) written as their README
#   describes them: con at 172.16.0.1/24 behind veth11/veth10; the python server, curl and
#   pkill left out; teardown by deleting the namespace and the host end.
ip netns add con
ip link add veth10 type veth peer name veth11
ip link set veth11 netns con
ip addr add 172.16.0.2/24 dev veth10
ip link set veth10 up
ip netns exec con ip addr add 172.16.0.1/24 dev veth11
ip netns exec con ip link set veth11 up
ip netns exec con ip link set lo up
ping -c 1 172.16.0.1
ip netns exec con ping -c 1 172.16.0.2
ip netns del con
ip link delete veth10
