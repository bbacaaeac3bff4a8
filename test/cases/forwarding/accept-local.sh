#!/bin/bash
# B also holds the sender's address 10.0.0.1. A's packets (and its ARP requests) carry a source
# that is local to B: with accept_local=0 B drops them as martians, so even ARP gets no answer.
# accept_local=1 on B's interface lets them in, but B's echo reply to 10.0.0.1 is then delivered
# to B itself: still no answer.
ip netns add A
ip netns add B
ip link add va type veth peer name vb
ip link set va netns A
ip link set vb netns B
ip netns exec A ip addr add 10.0.0.1/24 dev va
ip netns exec B ip addr add 10.0.0.2/24 dev vb
ip netns exec B ip addr add 10.0.0.1/32 dev lo
ip netns exec A ip link set va up
ip netns exec B ip link set vb up
ip netns exec B ip link set lo up
ip netns exec A ping -c 1 -W 1 10.0.0.2
ip netns exec B sysctl -w net.ipv4.conf.vb.accept_local=1
ip netns exec A ping -c 1 -W 1 10.0.0.2
