#!/bin/bash
# ping over IPv6 between two namespaces on a veth pair: before DAD ends there is no source
# (both modes wait for DAD, so the first ping works); ping -6, ping6, a link-local with and
# without its %scope and with -I (vb's MAC is fixed, so is its link-local); an address nobody has (neighbour discovery fails: with lo
# down no error comes back), ::1 with lo down and up, a scope or device that does not exist,
# -4/-6 against the address's family, and the neighbour tables afterwards.
ip netns add A
ip netns add B
ip link add va netns A type veth peer name vb netns B
ip -n B link set vb address 02:00:00:00:00:02
ip -n A link set va up
ip -n B link set vb up
ip -n A addr add 2001:db8::1/64 dev va
ip -n B addr add 2001:db8::2/64 dev vb
ip netns exec A ping -c 2 -i 0.2 2001:db8::2
ip netns exec A ping -6 -c 1 2001:db8::2
ip netns exec A ping6 -c 1 2001:db8::2
ip -n A -6 neigh
ip -n B -6 neigh show dev vb
ip netns exec A ping -c 1 fe80::ff:fe00:2
ip netns exec A ping -c 1 fe80::ff:fe00:2%va
ip netns exec A ping -c 1 -I va fe80::ff:fe00:2
ip netns exec A ping -c 1 -I va 2001:db8::2
ip netns exec A ping -c 1 -I 2001:db8::1 2001:db8::2
ip netns exec A ping -c 1 -I 2001:db8::7 2001:db8::2
ip netns exec A ping -c 1 -I nosuch 2001:db8::2
ip netns exec A ping -c 1 -W 1 2001:db8::9
ip netns exec A ping -c 1 2001:db8:5::9
ip netns exec A ping -c 1 ::1
ip netns exec A ip link set lo up
ip netns exec A ping -c 1 ::1
ip netns exec A ping -c 1 2001:db8::1
ip netns exec A ping -c 1 -6 localhost
ip netns exec A ping -c 1 -4 2001:db8::2
ip netns exec A ping -c 1 -6 10.0.0.1
ip netns exec A ping -c 1 -4 -6 2001:db8::2
ip netns exec A ping -c 1 fe80::1%nosuch
ip netns exec A ping -c 1 -I fe80::zz va
ip netns exec A ping -c 4 -i 0.2 2001:db8::9
ip -n A -6 neigh show dev va
