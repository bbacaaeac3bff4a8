#!/bin/bash
# Lifetimes on the clock (margins of seconds either side: the kernel's run is a few seconds
# behind the simulator's, its commands take real time): a default route learned with router
# lifetime 12 serves nothing once expired (route get: unreachable) but stays listed, with a
# negative expiry, until the FIB gc runs 30 s after the first expiring route was added; a
# SLAAC address with preferred 13 / valid 22 is deprecated, then gone, and the gc takes its
# expired on-link route too.
ip netns add R
ip netns add H
ip link add vr netns R type veth peer name vh netns H
ip -n H link set vh address 02:00:00:00:00:0b
ip -n R link set vr up
ip -n H link set vh up
ip netns exec R ra6 -i vr -d ff02::1 -t 12 -P 2001:db8:1::/64#LA#22#13
ip -n H -6 route
ip -n H -6 route get 2001:db8:99::1
sleep 13
ip -n H -6 route
ip -n H -6 route get 2001:db8:99::1
ip -n H -6 route get 2001:db8:1::5
ip -n H -6 addr show dev vh
sleep 20
ip -n H -6 route
ip -n H -6 route get 2001:db8:1::5
ip -n H -6 addr show dev vh
