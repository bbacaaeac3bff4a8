#!/bin/bash
# ping -O: before each probe, pinger notes the previous one when no reply came yet ("no answer
# yet for icmp_seq=N"), -q or not; nothing when every probe is answered in time.
ip netns add A
ip netns add B
ip link add va type veth peer name vb
ip link set va netns A
ip link set vb netns B
ip netns exec A ip addr add 10.0.0.1/24 dev va
ip netns exec B ip addr add 10.0.0.2/24 dev vb
ip netns exec A ip link set va up
ip netns exec B ip link set vb up
ip netns exec A ping -c 1 -O 127.0.0.1
ip netns exec A ping -c 3 -i 0.2 -O 10.0.0.2
ip netns exec A ping -c 3 -i 0.5 -O 10.0.0.3
ip netns exec A ping -c 2 -i 0.3 -O -q 10.0.0.3
ip netns exec A ping -w 2 -i 0.5 -O -n 10.0.0.4
ip netns exec A ping -c 2 -i 0.3 -O -q 10.0.0.2
