#!/bin/bash
# Router advertisements the kernel accepts (radvd is not modelled; ipv6toolkit's ra6 sends one
# RA from R's link-local to all-nodes): the default route `proto ra metric 1024` with its
# expiry, preference and hoplimit, the device's hop_limit, the on-link prefix route, the SLAAC
# address (EUI-64 of the fixed MAC, `dynamic mngtmpaddr`, the prefix's lifetimes), the router
# entered STALE with the source link-layer option; a second RA refreshes, lifetime 0 removes
# the default route (the hop limit still applies); a third brings it back with another preference.
ip netns add R
ip netns add H
ip link add vr netns R type veth peer name vh netns H
ip -n R link set vr address 02:00:00:00:00:0a
ip -n H link set vh address 02:00:00:00:00:0b
ip -n R link set vr up
ip -n H link set vh up
ip netns exec R ra6 -i vr -d ff02::1 -t 1800 -P 2001:db8:1::/64#LA#86400#14400 -c 64
ip -n H -6 addr show dev vh
ip -n H -6 route
ip -n H -6 neigh
ip netns exec H sysctl net.ipv6.conf.vh.hop_limit
ip netns exec R ra6 -i vr -d ff02::1 -e -t 600 -p medium -P 2001:db8:1::/64#LA#3600#1800
ip -n H -6 route show default
ip -n H -6 neigh
ip -n H -6 addr show dev vh
ip netns exec R ra6 -i vr -d ff02::1 -t 0 -c 7
ip -n H -6 route
ip netns exec H sysctl net.ipv6.conf.vh.hop_limit
ip netns exec R ra6 -i vr -d ff02::1 -p low
ip -n H -6 route show default
ip -n H -j -6 route show default
ip -n H -6 route get 2001:db8:99::1
ip netns exec H ping -c 1 2001:db8:1::ff:fe00:b
