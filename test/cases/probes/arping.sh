#!/usr/bin/env bash
# arping (iputils): replies, unicast after the first reply, -b, -f, -q, -D, -U, -w, the device from the
# route, and arping's own refusals (no such device, down, not ARPable, a source not local, a
# broadcast target, no route, bad numbers, usage); the target keeps the asker STALE.
ip netns add A
ip netns add B
ip link add va netns A type veth peer name vb netns B
ip -n A addr add 10.0.0.1/24 dev va
ip -n B addr add 10.0.0.2/24 dev vb
ip link add va2 netns A type veth peer name vb2 netns B
ip -n A addr add 10.0.1.1/24 dev va2
ip -n A link set va up
ip -n B link set vb up
ip -n A link set va2 up
ip netns exec A arping -c 1 -I va2 10.0.1.2
ip -n A link set va2 down
ip netns exec A arping -c 1 -I va 10.0.0.2
ip netns exec A arping -c 2 -I va 10.0.0.2
ip netns exec A arping -c 1 10.0.0.2
ip netns exec A arping -c 1 -I va 10.0.0.9
ip netns exec A arping -q -c 1 -I va 10.0.0.2
ip netns exec A arping -f -w 3 -I va 10.0.0.2
ip netns exec A arping -c 1 -I nosuch 10.0.0.2
ip netns exec A arping -c 1 -I va2 10.0.1.2
ip netns exec A arping -c 1 -I lo 127.0.0.1
ip -n A link set lo up
ip netns exec A arping -c 1 -I lo 127.0.0.1
ip netns exec A arping -c 1 -I va -s 10.9.9.9 10.0.0.2
ip netns exec A arping -D -c 1 -I va 10.0.0.2
ip netns exec A arping -D -c 1 -I va 10.0.0.7
ip netns exec A arping -w 2 -I va 10.0.0.2
ip netns exec A arping -b -c 2 -I va 10.0.0.2
ip netns exec A arping -c 1 -I va 10.0.0.255
ip netns exec A arping -c 1 10.0.9.2
ip netns exec A arping -U -c 1 -I va 10.0.0.1
ip netns exec A arping -c 0 -I va 10.0.0.2
ip netns exec A arping -c 1 -I va
ip netns exec A arping -c 1 -I va nosuch.example
ip -n B neigh show dev vb
ip netns del A
ip netns del B
