#!/bin/bash
# ping's own answers: no destination, an unknown name (no DNS reachable from a namespace), a
# bad option value, quiet output, -w deadline, -s size, and combined option forms.
ip netns add A
ip netns add B
ip link add va type veth peer name vb
ip link set va netns A
ip link set vb netns B
ip netns exec A ip addr add 10.0.0.1/24 dev va
ip netns exec B ip addr add 10.0.0.2/24 dev vb
ip netns exec A ip link set va up
ip netns exec B ip link set vb up
ip netns exec A ping
ip netns exec A ping -c 1 -W 1 nosuch
ip netns exec A ping -c 0 10.0.0.2
ip netns exec A ping -c 1 -W 1 -q 10.0.0.2
ip netns exec A ping -c1 -W1 -n 10.0.0.2
ip netns exec A ping -c 1 -W 1 -s 100 10.0.0.2
ip netns exec A ping -c 2 -w 3 10.0.0.2
ip netns exec A ping -c 1 -W 1 -I va 10.0.0.2
ip netns exec A ping -c 1 -W 1 -I 10.0.0.1 10.0.0.2
ip netns exec A ping -4 -c 1 -W 1 10.0.0.2
ip netns exec A ping -w 1 10.0.0.3
