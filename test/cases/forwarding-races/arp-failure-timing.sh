#!/bin/bash
# An absent neighbour on a veth: ARP sends 3 probes 1 s apart and fails after ~3 s; only then
# does the sender get "Destination Host Unreachable" for every queued echo, and only if its lo is
# up (the error is delivered over lo). -W 1 gives up first; with -c 4 the 4th echo goes out as
# ARP gives up (ping's 1 s waits drift late on the timer wheel just like ARP's), so three errors
# are read after it was sent ("pipe 4") and its own comes 3 s later.
ip netns add A
ip netns add B
ip link add va type veth peer name vb
ip link set va netns A
ip link set vb netns B
ip netns exec A ip addr add 10.0.0.1/24 dev va
ip netns exec B ip addr add 10.0.0.2/24 dev vb
ip netns exec A ip link set va up
ip netns exec B ip link set vb up
ip netns exec A ping -c 1 10.0.0.5
ip netns exec A ip link set lo up
ip netns exec A ping -c 1 -W 1 10.0.0.6
ip netns exec A ping -c 3 -W 1 10.0.0.7
ip netns exec A ping -c 1 10.0.0.8
ip netns exec A ping -c 2 10.0.0.9
ip netns exec A ping -c 4 10.0.0.10
ip netns exec A ping -c 3 -W 2 10.0.0.11
