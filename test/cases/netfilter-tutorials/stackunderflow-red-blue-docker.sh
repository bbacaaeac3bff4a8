#!/bin/bash
# Adapted from "Network Namespaces and Docker" (Container Networking Explained, part 1),
# stackunderflow.dev, https://stackunderflow.dev/p/network-namespaces-and-docker/
# Two namespaces red and blue on the bridge bridge0, each by a veth pair, everything up, an
# address on each, and red pings blue. Changes: the addresses (192.168.15.1/24 and .2/24, lost
# from the stored page); then the host Docker leaves behind — FORWARD policy DROP with
# bridge-nf-call-iptables at 1 (the default in every new namespace here) — stops the ping, and
# accepting bridge0's own traffic brings it back.
ip netns add red
ip netns add blue
ip link add bridge0 type bridge
ip link add veth-red type veth peer name veth-red-br
ip link set veth-red netns red
ip link set veth-red-br master bridge0
ip -n red link set veth-red up
ip link set veth-red-br up
ip link add veth-blue type veth peer name veth-blue-br
ip link set veth-blue netns blue
ip link set veth-blue-br master bridge0
ip -n blue link set veth-blue up
ip link set veth-blue-br up
ip link set bridge0 up
ip -n red addr add 192.168.15.1/24 dev veth-red
ip -n blue addr add 192.168.15.2/24 dev veth-blue
ip netns exec red ping -c 1 -W 1 192.168.15.2
iptables -P FORWARD DROP
ip netns exec red ping -c 1 -W 1 192.168.15.2
iptables -A FORWARD -i bridge0 -o bridge0 -j ACCEPT
ip netns exec red ping -c 1 -W 1 192.168.15.2
iptables -L FORWARD -n -v -x
