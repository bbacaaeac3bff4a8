#!/bin/bash
# addr_gen_mode 3 (random) after a DAD failure retries as stable privacy does (RFC 7217 §6):
# the id of the next DAD counter, after net.ipv6.idgen_delay. Its secret is random unless the
# device has one already (ipv6_gen_mode_random_init keeps it): A is given B's, so both make the
# same link-local and the retry's id can be compared byte for byte. B is up and valid on the
# bridge before A comes up, so which side fails is not a race.
ip netns add A
ip netns add B
ip link add br0 type bridge
ip link set br0 up
ip link add pa type veth peer name va netns A
ip link add pb type veth peer name vb netns B
ip link set pa master br0 up
ip link set pb master br0 up
ip netns exec B sysctl -w net.ipv6.conf.vb.stable_secret=2001:db8::4321
ip -n B link set vb up
sleep 3
ip -n B -6 addr show dev vb
ip netns exec A sysctl -w net.ipv6.conf.va.stable_secret=2001:db8::4321
ip netns exec A sysctl -w net.ipv6.conf.va.addr_gen_mode=3
ip netns exec A sysctl net.ipv6.conf.va.stable_secret
ip -n A -6 addr show dev va
ip -n A link set va up
sleep 4
ip -n A -6 addr show dev va
ip -n A -j -6 addr show dev va
ip -n B -6 addr show dev vb
