#!/bin/bash
# corpus: IXP ICMPv6 debugging: reachability checks with ping6 between three namespaces
# corpus: timing (DAD must finish first)
# source: https://github.com/PEERINGTestbed/tools/blob/HEAD/ixp-icmp6-debugging/alternate-configs/check-reachability.sh
# author: PEERING Testbed (GitHub PEERINGTestbed)
# licence: not stated
# changes: the topology another script of the repository builds (ns0 - ns1 - ns2 with 4000:10::/64
#   and 4000:11::/64) built first, with a sleep for DAD; urxvt/tcpdump and the 5-echo ping removed.
ip netns add ns0
ip netns add ns1
ip netns add ns2
ip link add veth-0 type veth peer name veth-1
ip link add veth-2 type veth peer name veth-3
ip link set veth-0 netns ns1
ip link set veth-1 netns ns0
ip link set veth-2 netns ns1
ip link set veth-3 netns ns2
ip -n ns0 addr add 4000:10::10:1/64 dev veth-1
ip -n ns1 addr add 4000:10::11:1/64 dev veth-0
ip -n ns1 addr add 4000:11::11:1/64 dev veth-2
ip -n ns2 addr add 4000:11::12:1/64 dev veth-3
ip -n ns0 link set veth-1 up
ip -n ns1 link set veth-0 up
ip -n ns1 link set veth-2 up
ip -n ns2 link set veth-3 up
sleep 3
set -u
ip netns exec ns0 ping6 -c 1 4000:10::11:1
ip netns exec ns1 ping6 -c 1 4000:10::10:1
ip netns exec ns1 ping6 -c 1 4000:11::12:1
ip netns exec ns2 ping6 -c 1 4000:11::11:1
