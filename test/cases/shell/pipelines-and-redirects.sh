#!/usr/bin/env bash
# Pipes into grep/awk/cut, and per-line redirections: what a line sends to /dev/null is not shown.
ip netns delete ghost 2> /dev/null && echo deleted || echo "ghost was not there"
ip link show nosuch > /dev/null 2>&1
echo "status $?"
ip link del nosuch &> /dev/null || echo "nothing to delete"
ip link add dummyish type veth peer name dummyish-p 2>&1 | head -1
ip link show | grep -c dummyish
ip -o link show | awk -F': ' '{print $2}' | cut -d@ -f1 | sort
ip link set dummyish up
ip -br link show dummyish | awk '{print $1, $2}'
mac=$(ip -o link show dummyish | grep -o 'link/ether [0-9a-f:]*' | cut -d' ' -f2)
[ -n "$mac" ] && echo "has a mac"
ip addr add 192.168.77.1/24 dev dummyish
ip -4 -o addr show dev dummyish | awk '{print $4}' | cut -d/ -f1
ip route show | grep -v '^default' | wc -l
set -e
ip link show | grep -q dummyish && echo "still there"
ip link show | grep nosuchthing
echo "never printed"
