#!/bin/bash
# A stable privacy link-local that fails DAD (RFC 7217 §6): A holds fe80::d820:30f:5afc:84be
# (secret 2001:db8::1234); B, given the same secret while IPv6 ids are off on its device, makes
# the same id when it comes up again, fails, and adds the id of the next DAD counter, which
# passes after net.ipv6.idgen_delay; with net.ipv6.idgen_retries=0 there is no retry; with 1
# and the second id taken too, both stay dadfailed. B's link-local starts only once A's is
# valid, so which side fails is not a race.
ip netns add A
ip netns add B
ip link add va netns A type veth peer name vb netns B
ip netns exec A sysctl -qw net.ipv6.conf.va.stable_secret=2001:db8::1234
ip netns exec B sysctl -w net.ipv6.conf.vb.addr_gen_mode=1
ip netns exec B sysctl net.ipv6.idgen_retries net.ipv6.idgen_delay
ip -n A link set va up
ip -n B link set vb up
ip -n A -6 addr show dev va
ip -n B -6 addr show dev vb
ip netns exec B sysctl -w net.ipv6.conf.vb.stable_secret=2001:db8::1234
ip -n B link set vb down
ip -n B link set vb up
sleep 4
ip -n B -6 addr show dev vb
ip -n B -j -6 addr show dev vb
ip -n B -6 route show table local
ip -n A -6 addr show dev va
ip netns exec B sysctl -w net.ipv6.idgen_retries=0
ip netns exec B sysctl -w net.ipv6.idgen_retries=x
ip netns exec B sysctl -w net.ipv6.idgen_delay=2
ip netns exec B sysctl net.ipv6.idgen_retries net.ipv6.idgen_delay
ip -n B link set vb down
ip -n B link set vb up
sleep 4
ip -n B -6 addr show dev vb
ip netns exec B sysctl -w net.ipv6.idgen_retries=1
ip -n A -6 addr add fe80::2f4:2ef7:a691:3654/64 dev va
ip -n B link set vb down
ip -n B link set vb up
sleep 5
ip -n B -6 addr show dev vb
ip -n A -6 addr show dev va
