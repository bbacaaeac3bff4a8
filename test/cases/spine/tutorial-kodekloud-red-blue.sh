#!/bin/bash
# Adapted from https://anote.dev/network-namespaces/ (Network Namespaces, after the KodeKloud
# CKA lesson): red and blue namespaces, first wired directly, then through a bridge v-net-0.
# Note the addresses given without a prefix length, as in the lesson: they become /32.
ip netns add red
ip netns add blue
ip netns
ip link
ip netns exec red ip link
ip -n red link

# a direct cable between red and blue
ip link add veth-red type veth peer name veth-blue
ip link set veth-red netns red
ip link set veth-blue netns blue
ip -n red addr add 192.168.15.1 dev veth-red
ip -n blue addr add 192.168.15.2 dev veth-blue
ip -n red link set veth-red up
ip -n blue link set veth-blue up
ip -n red route

# replace the cable with a bridge
ip -n red link del veth-red
ip link add v-net-0 type bridge
ip link set dev v-net-0 up
ip link add veth-red type veth peer name veth-red-br
ip link add veth-blue type veth peer name veth-blue-br
ip link set veth-red netns red
ip link set veth-red-br master v-net-0
ip link set veth-blue netns blue
ip link set veth-blue-br master v-net-0
ip -n red addr add 192.168.15.1/24 dev veth-red
ip -n blue addr add 192.168.15.2/24 dev veth-blue
ip -n red link set veth-red up
ip -n blue link set veth-blue up
ip addr add 192.168.15.5/24 dev v-net-0
ip netns exec blue ip route add 192.168.1.0/24 via 192.168.15.5
ip netns exec blue ip route
