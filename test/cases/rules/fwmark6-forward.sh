#!/bin/bash
# A mark set in PREROUTING steers a forwarded IPv6 packet (ip6_route_input looks up with
# skb->mark): ip6tables' mangle MARK on what enters from `lan` sends it by `ip -6 rule fwmark`
# to table 100, whose default leaves by the second upstream; the first upstream sees nothing.
sysctl -w net.ipv6.conf.all.forwarding=1
ip netns add lan
ip netns add up1
ip netns add up2
ip link add r0 type veth peer name l0 netns lan
ip link add r1 type veth peer name u1 netns up1
ip link add r2 type veth peer name u2 netns up2
for d in r0 r1 r2; do ip link set $d up; done
for n in lan up1 up2; do ip -n $n link set lo up; done
ip -n lan link set l0 up
ip -n up1 link set u1 up
ip -n up2 link set u2 up
ip -6 addr add 2001:db8:30::1/64 dev r0 nodad
ip -6 addr add 2001:db8:31::1/64 dev r1 nodad
ip -6 addr add 2001:db8:32::1/64 dev r2 nodad
ip -n lan -6 addr add 2001:db8:30::2/64 dev l0 nodad
ip -n up1 -6 addr add 2001:db8:31::2/64 dev u1 nodad
ip -n up2 -6 addr add 2001:db8:32::2/64 dev u2 nodad
ip -n up1 -6 addr add 2001:db8:53::1/128 dev lo
ip -n up2 -6 addr add 2001:db8:53::1/128 dev lo
ip -n lan -6 route add default via 2001:db8:30::1
ip -n up1 -6 route add default via 2001:db8:31::1
ip -n up2 -6 route add default via 2001:db8:32::1
ip -6 route add default via 2001:db8:31::2
ip -6 route add default via 2001:db8:32::2 table 100
ip -6 rule add fwmark 0x7 table 100
ip netns exec up1 ip6tables -A INPUT -p icmpv6 --icmpv6-type echo-request
ip netns exec up2 ip6tables -A INPUT -p icmpv6 --icmpv6-type echo-request
ip netns exec lan ping -6 -c 1 -W 1 2001:db8:53::1
ip6tables -t mangle -A PREROUTING -i r0 -j MARK --set-mark 0x7
ip netns exec lan ping -6 -c 2 -W 1 2001:db8:53::1
ip -6 route get 2001:db8:53::1 from 2001:db8:30::2 iif r0 mark 7
ip netns exec up1 ip6tables -L INPUT -n -v -x
ip netns exec up2 ip6tables -L INPUT -n -v -x
