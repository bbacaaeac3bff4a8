#!/bin/bash
# ip neigh get for IPv6 (ipneigh_get): an entry the system learnt (with `router`), one added by
# hand, one that is not there; proxy entries of both families; text even under -j.
ip netns add A
ip netns add B
ip link add va netns A type veth peer name vb netns B
ip -n A link set va up
ip -n B link set vb up
ip -n B link set vb address 02:00:00:00:0b:02
ip netns exec B sysctl -qw net.ipv6.conf.all.forwarding=1
ip -n A addr add 2001:db8::1/64 dev va nodad
ip -n B addr add 2001:db8::2/64 dev vb nodad
ip netns exec A ping -c 1 -q 2001:db8::2
ip -n A -6 neigh get 2001:db8::2 dev va
ip -n A neigh get 2001:db8::2 dev va
ip -n A -j neigh get 2001:db8::2 dev va
ip -n A -6 neigh add 2001:db8::66 lladdr 02:00:00:00:00:66 dev va
ip -n A neigh get 2001:db8::66 dev va
ip -n A neigh get 2001:db8::67 dev va
ip -n A neigh get 2001:db8::67
ip -n A neigh get 2001:db8::67 dev nosuch
ip -n A -4 neigh get 2001:db8::67 dev va
ip -n A -6 neigh get proxy 2001:db8::55 dev va
ip -n A -6 neigh add proxy 2001:db8::55 dev va
ip -n A -6 neigh get proxy 2001:db8::55 dev va
ip -n A -j -6 neigh get proxy 2001:db8::55 dev va
ip -n A neigh add proxy 10.0.0.5 dev va
ip -n A neigh get proxy 10.0.0.5 dev va
ip -n A neigh get proxy 10.0.0.6 dev va
ip -n A -6 neigh del 2001:db8::2 dev va
ip -n A -6 neigh get 2001:db8::2 dev va
