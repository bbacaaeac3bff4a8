#!/bin/bash
# IPv6 addresses across link states: added while the device is down they are tentative and
# have no prefix route (a permanent one gets it when the device comes up, one with a lifetime
# never does); up without carrier the routes are linkdown and DAD waits; with carrier DAD runs
# and the link-local comes; losing carrier keeps everything; going down takes every address
# and route (keep_addr_on_down keeps permanent global ones, tentative); lo's ::1 goes and comes.
ip link add va type veth peer name vb
ip -6 addr add 2001:db8:7::1/64 dev va valid_lft 100 preferred_lft 100
ip -6 addr add 2001:db8:8::1/64 dev va
ip -6 addr add 2001:db8:9::1/64 dev va nodad
ip -6 route show table all
ip link set va up
ip -6 route show table all
ip link set vb up
ip -6 addr show dev va
ip -6 route show table all
ip link set vb down
ip -6 route show table all
ip -6 addr add 2001:db8:a::1/64 dev va
ip link set vb up
ip -6 addr show dev va
ip -6 route show table all
ip link set va down
ip -6 addr show dev va
ip -6 route show table all
sysctl -w net.ipv6.conf.va.keep_addr_on_down=1
ip -6 addr add 2001:db8::1/64 dev va
ip link set va up
ip -6 addr show dev va
ip link set va down
ip -6 addr show dev va
ip -6 route show table all
ip link set va up
ip -6 route show table all
ip link set lo down
ip -6 addr show dev lo
ip link set lo up
ip -6 addr show dev lo
