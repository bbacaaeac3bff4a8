#!/bin/bash
# ip -6 neigh flush: what it deletes (entries the system learnt, a router's included, and
# entries added as reachable or stale) and what it leaves (permanent ones unless `nud
# permanent` or `nud all` asks for them), by device, by prefix and `all` for both families;
# `-s` prints its rounds or "Nothing to flush.". ip -6 neigh del/change/replace/add on an entry
# the system learnt: del forgets it, change keeps its lladdr (and drops `router`), add refuses.
ip netns add A
ip netns add B
ip netns add C
ip link add va netns A type veth peer name vb netns B
ip link add vc netns A type veth peer name vd netns C
ip -n A link set va up
ip -n B link set vb up
ip -n A link set vc up
ip -n C link set vd up
ip -n B link set vb address 02:00:00:00:0b:02
ip -n C link set vd address 02:00:00:00:0d:02
ip netns exec B sysctl -qw net.ipv6.conf.all.forwarding=1
ip -n A addr add 2001:db8::1/64 dev va nodad
ip -n B addr add 2001:db8::2/64 dev vb nodad
ip -n A addr add 2001:db8:1::1/64 dev vc nodad
ip -n C addr add 2001:db8:1::2/64 dev vd nodad
ip -n A addr add 10.0.0.1/24 dev va
ip -n B addr add 10.0.0.2/24 dev vb
ip netns exec A ping -c 1 -q 2001:db8::2
ip netns exec A ping -c 1 -q 2001:db8:1::2
ip netns exec A ping -c 1 -q 10.0.0.2
ip -n A -6 neigh add 2001:db8::66 lladdr 02:00:00:00:00:66 dev va
ip -n A -6 neigh add 2001:db8::68 lladdr 02:00:00:00:00:68 dev va nud stale
ip -n A -6 neigh add 2001:db8::69 lladdr 02:00:00:00:00:69 dev va nud reachable
ip -n A -6 neigh show dev va
ip -n A -6 neigh flush
ip -n A -6 neigh flush dev nosuch
ip -n A -6 neigh flush dev va
ip -n A -6 neigh show
ip -n A neigh show
ip -n A -s -6 neigh flush dev vc
ip -n A -s -6 neigh flush dev vc
ip -n A -6 neigh flush dev vc
ip -n A -6 neigh flush nud permanent
ip -n A -6 neigh show
ip netns exec A ping -c 1 -q 2001:db8::2
ip netns exec A ping -c 1 -q 2001:db8:1::2
ip -n A -6 neigh add 2001:db8::66 lladdr 02:00:00:00:00:66 dev va
ip -n A -6 neigh flush to 2001:db8:1::/64
ip -n A -6 neigh show
ip -n A -6 neigh flush to 2001:db8::/64 nud all
ip -n A -6 neigh show
ip -n A neigh show
ip -n A neigh flush all
ip -n A neigh show
ip netns exec A ping -c 1 -q 2001:db8::2
ip -n A -6 neigh add 2001:db8::2 lladdr 02:00:00:00:00:22 dev va
ip -n A -6 neigh del 2001:db8::2 dev va
ip -n A -6 neigh del 2001:db8::2 dev va
ip -n A -6 neigh show
ip netns exec A ping -c 1 -q 2001:db8::2
ip -n A -6 neigh change 2001:db8::2 dev va nud stale
ip -n A -6 neigh show
ip -n A -6 neigh change 2001:db8::2 lladdr 02:00:00:00:00:22 dev va
ip -n A -6 neigh show
ip -n A -6 neigh change 2001:db8::77 lladdr 02:00:00:00:00:22 dev va
ip -n A -6 neigh del 2001:db8::2 dev va
ip netns exec A ping -c 1 -q 2001:db8::2
ip -n A -6 neigh replace 2001:db8::2 lladdr 02:00:00:00:00:23 dev va nud reachable
ip -n A -6 neigh show
ip -n A -6 neigh flush dev va
ip -n A -6 neigh show
ip netns exec A ping -c 1 -q 2001:db8::2
ip -n A -6 neigh show
