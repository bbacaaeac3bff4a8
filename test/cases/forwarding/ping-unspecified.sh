#!/bin/bash
# ping 0.0.0.0: ping's connect() (ip_route_connect) asks for a route twice, the second time
# to what the first made of 0.0.0.0 (127.0.0.1, from 127.0.0.1). In a new namespace 127.0.0.1
# has no route yet, so connect fails though `ip route get 0.0.0.0` answers `local … dev lo`;
# with lo up the ping is answered; with lo down again the local routes stay and nothing
# answers; with lo's address gone connect fails again. 0.1.2.3 is unicast (since Linux 5.18
# only 0.0.0.0 is special): no route to it, and it is no address to bind to.
ip netns add A
ip netns exec A ip route get 0.0.0.0
ip netns exec A ping -c 1 -W 1 0.0.0.0
ip netns exec A ping -c 1 -W 1 0.1.2.3
ip netns exec A ip link set lo up
ip netns exec A ping -c 1 -W 1 0.0.0.0
ip netns exec A ping -c 1 -W 1 -I 0.1.2.3 127.0.0.1
ip netns exec A ip link set lo down
ip netns exec A ping -c 1 -W 1 0.0.0.0
ip netns exec A ip addr flush dev lo
ip netns exec A ping -c 1 -W 1 0.0.0.0
