#!/bin/bash
# SLAAC with addr_gen_mode none (1): no link-local, yet the RA makes a SLAAC address from the MAC.
ip netns add R
ip netns add H
ip link add vr netns R type veth peer name vh netns H
ip -n H link set vh address 02:00:00:00:00:0b
ip netns exec H sysctl -w net.ipv6.conf.vh.addr_gen_mode=1
ip -n R link set vr up
ip -n H link set vh up
ip netns exec R ra6 -i vr -d ff02::1 -t 300 -P 2001:db8:1::/64#LA
ip -n H -6 addr show dev vh
ip -n H -6 route
