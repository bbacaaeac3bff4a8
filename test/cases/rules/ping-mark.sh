#!/bin/bash
# Policy routing by firewall mark, tested the way LARTC's "Netfilter & iproute - marking
# packets" chapter suggests checking it (https://lartc.org/howto/lartc.netfilter.html) but with
# iputils' `ping -m MARK` (SO_MARK) instead of a mangle rule: the mark picks the routing table
# (`ip rule add fwmark 1 table 100`) for the probe's source and every packet, and OUTPUT's
# `-m mark` sees it; iputils' refusals of a bad mark.
ip netns add h
ip netns add up1
ip netns add up2
ip link add a1 netns h type veth peer name b1 netns up1
ip link add a2 netns h type veth peer name b2 netns up2
ip -n h addr add 10.21.1.2/24 dev a1
ip -n h addr add 10.21.2.2/24 dev a2
ip -n up1 addr add 10.21.1.1/24 dev b1
ip -n up2 addr add 10.21.2.1/24 dev b2
ip -n up1 addr add 198.51.100.1/32 dev lo
ip -n up2 addr add 198.51.100.1/32 dev lo
for n in h up1 up2; do ip -n $n link set lo up; done
ip -n h link set a1 up
ip -n h link set a2 up
ip -n up1 link set b1 up
ip -n up2 link set b2 up
ip -n up1 route add default via 10.21.1.2
ip -n up2 route add default via 10.21.2.2
ip -n h route add default via 10.21.1.1
ip -n h route add default via 10.21.2.1 table 100
ip -n h rule add fwmark 1 table 100
ip netns exec h iptables -A OUTPUT -m mark --mark 1 -p icmp
ip netns exec up2 iptables -A INPUT -p icmp
ip netns exec h ping -c 2 -W 1 198.51.100.1
ip netns exec h ping -c 2 -W 1 -m 1 198.51.100.1
ip netns exec h ping -c 1 -W 1 -m 2 198.51.100.1
ip -n h route get 198.51.100.1 mark 1
ip netns exec h iptables -L OUTPUT -n -v -x
ip netns exec up2 iptables -L INPUT -n -v -x
ip netns exec h ping -c 1 -m x 198.51.100.1
ip netns exec h ping -c 1 -m 4294967296 198.51.100.1
ip netns exec h ping -c 1 -m -1 198.51.100.1
ip netns exec h ping -c 1 -m 99999999999999999999 198.51.100.1
