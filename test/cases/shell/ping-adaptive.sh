#!/usr/bin/env bash
# ping -A (adaptive interval): after the first reply the interval follows the RTT, so probes go
# out as fast as they come back; the output is ping's usual lines, and the summary adds
# ipg/ewma. Times are masked in the comparison; sequence numbers, counts and lines are not.
ip netns add a
ip link add v0 type veth peer name eth0 netns a
ip addr add 10.7.0.1/24 dev v0
ip link set v0 up
ip -n a addr add 10.7.0.2/24 dev eth0
ip -n a link set eth0 up
ping -A -c 5 10.7.0.2
ping -A -q -c 4 -s 500 10.7.0.2
ip netns exec a ping -A -n -c 3 10.7.0.1
ping -A -c 3 -w 5 10.7.0.2 | grep -c 'bytes from'
