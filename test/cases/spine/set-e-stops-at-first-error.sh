#!/usr/bin/env bash
# `set -e`: the first failing command ends the script, so a typo halfway leaves half a lab.
set -e
ip netns add app
ip link add veth-app type veth peer name veth-app-host
ip link set veth-app netns app
ip -n app addr add 10.50.0.2/24 dev veth-app
ip addr add 10.50.0.1/24 dev veth-app-hots
ip link set veth-app-host up
ip -n app link set veth-app up
