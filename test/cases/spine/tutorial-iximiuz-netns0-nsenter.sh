#!/bin/bash
# Adapted from "Master Single-Host Container Networking with Linux Namespaces, veth & Bridges"
# https://www.besthub.dev/articles/master-single-host-container-networking-with-linux-namespaces-veth-bridges-369f8b11a54d
# (itself after iximiuz's "Container Networking Is Simple"). The interactive `nsenter ... bash`
# shells are turned into one nsenter per command; pings dropped.
sudo ip netns add netns0
ip netns list

# Connecting containers with veth
sudo ip link add veth0 type veth peer name ceth0
sudo ip link set ceth0 netns netns0
sudo ip link set veth0 up
sudo ip addr add 172.18.0.11/16 dev veth0

sudo nsenter --net=/var/run/netns/netns0 ip link set lo up
sudo nsenter --net=/var/run/netns/netns0 ip link set ceth0 up
sudo nsenter --net=/var/run/netns/netns0 ip addr add 172.18.0.10/16 dev ceth0
sudo nsenter --net=/var/run/netns/netns0 ip link
sudo nsenter --net=/var/run/netns/netns0 ip route

# The root namespace sees the host end
ip link show veth0
ip route
