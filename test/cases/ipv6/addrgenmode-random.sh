#!/bin/bash
# addr_gen_mode 3 (random) is stable privacy with a secret the kernel draws at random
# (ipv6_gen_mode_random_init): the sysctl configures the device at once, down as it is (its
# link-local shows, tentative, flagged stable-privacy; no route goes through a down device);
# `ip link set addrgenmode random` only stores the mode, and a device with no carrier draws
# nothing (its stable_secret still cannot be read); a device that has a secret keeps it and
# makes the stable ids of it, its SLAAC address too (the global id compared as it is); lo (up)
# draws nothing. What the kernel draws is never shown here: the simulator does not predict it (a
# read of such a stable_secret, or a listing of a global address made from it, is "not
# modelled": test/unit/model/addr-gen-random.test.ts).
ip netns add A
ip link add va netns A type veth peer name vb netns A
ip netns exec A sysctl -w net.ipv6.conf.va.addr_gen_mode=3
ip -n A -6 addr show dev va
ip -n A -6 route show table local
ip netns exec A sysctl net.ipv6.conf.vb.stable_secret
ip -n A link set vb addrgenmode random
ip -n A link set vb up
ip netns exec A sysctl net.ipv6.conf.vb.stable_secret
ip -n A -6 addr show dev vb
ip netns exec A sysctl -w net.ipv6.conf.va.stable_secret=2001:db8::1
ip netns exec A sysctl net.ipv6.conf.va.addr_gen_mode
ip netns exec A sysctl -w net.ipv6.conf.va.addr_gen_mode=3
ip netns exec A sysctl net.ipv6.conf.va.stable_secret
ip -n A link set va down
ip -n A link set va up
ip -n A -6 addr show dev va
ip -n A -6 addr show dev vb
ip -n A -d link show vb
ip -n A link set lo up
ip netns exec A sysctl -w net.ipv6.conf.all.addr_gen_mode=3
ip -n A -6 addr show dev lo
ip netns exec A sysctl net.ipv6.conf.lo.stable_secret
ip netns exec A sysctl net.ipv6.conf.lo.addr_gen_mode net.ipv6.conf.vb.addr_gen_mode
ip netns add R
ip link add vr netns R type veth peer name vh netns A
ip netns exec A sysctl -w net.ipv6.conf.vh.stable_secret=2001:db8::1 net.ipv6.conf.vh.addr_gen_mode=3
ip -n R link set vr up
ip -n A link set vh up
ip netns exec R ra6 -i vr -d ff02::1 -t 300 -P 2001:db8:1::/64#LA
ip -n A -6 addr show dev vh
