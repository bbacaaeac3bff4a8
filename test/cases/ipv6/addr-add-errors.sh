#!/bin/bash
# ip -6 addr add/del on a device that is down: the kernel's refusals and words (a duplicate
# whatever its length, a missing one, ::, a group, ::1 off lo, a family mismatch), what is
# accepted (no length is /128, scope and label are ignored, a metric, flags, lifetimes,
# a peer, v4-mapped, site-local), and the order the list keeps: by scope, newest first.
ip link add va type veth peer name vb
ip -6 addr add 2001:db8::1/64 dev va
ip -6 addr add 2001:db8::1/64 dev va
ip -6 addr add 2001:db8::1/48 dev va
ip -6 addr del 2001:db8::9/64 dev va
ip -6 addr del 2001:db8::1/48 dev va
ip -6 addr add 2001:db8::1/129 dev va
ip -6 addr add 2001:db8::5 dev va
ip -6 addr add ff02::5/64 dev va
ip -6 addr add ::/0 dev va
ip -6 addr add :: dev va
ip -6 addr add ::1/128 dev va
ip -6 addr add ::ffff:1.2.3.4/128 dev va
ip -6 addr add 2001:db8::7/64 dev nosuch
ip -6 addr add 10.0.0.1/24 dev va
ip addr add 2001:db8::8/64 dev va
ip -4 addr add 2001:db8::8/64 dev va
ip -6 addr add 2001:db8:2::1/64 dev va scope link
ip -6 addr add 2001:db8:3::1/64 dev va label va:1
ip -6 addr add 2001:db8:4::1/64 dev va metric 55
ip -6 addr add 2001:db8:5::1/64 dev va home noprefixroute
ip -6 addr add 2001:db8:6::1/64 dev va valid_lft 100 preferred_lft 50
ip -6 addr add 2001:db8:7::1/64 dev va valid_lft 100 preferred_lft 0
ip -6 addr add 2001:db8:8::1/64 dev va optimistic
ip -6 addr add 2001:db8:9::1/64 dev va mngtmpaddr
ip -6 addr add 2001:db8:a::1/64 peer 2001:db8:b::1/64 dev va
ip -6 addr add fe80::1/64 dev va
ip -6 addr add fec0::1/64 dev va
ip -6 addr add 2001:db8:c::1/64 dev va valid_lft 0
ip -6 addr add 2001:db8:c::1/64 dev va valid_lft 10 preferred_lft 20
ip -6 addr show dev va
ip -6 route show table all
ip -6 addr change 2001:db8:c::1/64 dev va
ip -6 addr replace 2001:db8:d::1/64 dev va
ip -6 addr replace 2001:db8:4::1/64 dev va metric 77
ip -6 addr change 2001:db8:6::1/64 dev va valid_lft 200 preferred_lft 200
ip -6 addr show dev va
ip -j -6 addr show dev va
ip -6 route
ip -6 addr del 2001:db8::5 dev va
ip -6 addr del 2001:db8::5/128 dev va
ip -6 -br addr show dev va
