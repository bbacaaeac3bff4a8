#!/bin/bash
# corpus: MTU notes: ping -M do -s 1472 passes, 1473 is refused locally ("message too long")
# source: https://www.fir3net.com/Networking/Protocols/notes-mtu-and-pmtu.html
# author: fir3net (fir3net.com)
# licence: not stated
# changes: google.com replaced by a namespace 10.1.1.2 on a veth; pings -c 1; the plain -s 1500 ping kept.
ip netns add far
ip link add v0 type veth peer name v1 netns far
ip addr add 10.1.1.20/24 dev v0
ip link set v0 up
ip -n far addr add 10.1.1.2/24 dev v1
ip -n far link set v1 up
ping -c 1 -s 1500 10.1.1.2
ping -c 1 -M do -s 1472 10.1.1.2
ping -c 1 -M do -s 1473 10.1.1.2
