#!/bin/bash
# A socat UDP tunnel over an IPv6 underlay (the two-namespace tunnel of tunnels/, its ends on
# 2001:db8::/64): socat's own errors for a bind to a foreign IPv6 address, a peer with no route
# (socat prints the sockaddr in full, AF=10), an unbracketed IPv6 host (its colons split the
# parameters), a host of the wrong family for UDP4/UDP6 (getaddrinfo's error); UDP6 and UDP
# with a bracketed host, both bound; the tunnel carrying pings; UDP6-LISTEN and UDP-LISTEN with
# pf=ip6 (dual-stack: ss shows `*`) beside an IPv4 UDP-LISTEN, the listener connected to its
# first sender (whose port is the kernel's random pick: awk leaves it out); a second bind of an
# address and port in use.
ip netns add a
ip netns add b
ip link add va type veth peer name vb
ip link set va netns a
ip link set vb netns b
ip -n a addr add 2001:db8::16/64 dev va nodad
ip -n a link set va up
ip -n b addr add 2001:db8::26/64 dev vb nodad
ip -n b link set vb up
ip netns exec a socat UDP6:[2001:db8::99]:9000,bind=[2001:db8::99]:9000 TUN:10.0.0.1/24,tun-name=t9
ip netns exec a socat UDP6:[2001:db8:9::9]:9000 TUN:10.0.0.1/24,tun-name=t9
ip netns exec a socat UDP6:2001:db8::26:9000 TUN:10.0.0.1/24,tun-name=t9
ip netns exec a socat UDP4:[2001:db8::26]:9000 TUN:10.0.0.1/24,tun-name=t9
ip netns exec a socat UDP6:192.168.0.26:9000 TUN:10.0.0.1/24,tun-name=t9
ip netns exec a socat UDP6:[2001:db8::26]:9000,bind=[2001:db8::16]:9000 TUN:10.0.0.1/24,tun-name=t0,iff-no-pi &
ip netns exec b socat UDP:[2001:db8::16]:9000,bind=[2001:db8::26]:9000 TUN:10.0.0.2/24,tun-name=t0,iff-no-pi &
ip netns exec a ss -uan
ip netns exec b ss -uan | sort
ip -n a link set t0 up
ip -n b link set t0 up
ip netns exec a ping -c 2 -W 1 10.0.0.2
ip netns exec b ping -c 1 -W 1 10.0.0.1
ip netns exec b socat UDP6-LISTEN:9100 TUN:10.0.1.2/24,tun-name=t1,iff-no-pi,iff-up &
ip netns exec b socat UDP-LISTEN:9101,pf=ip6 TUN:10.0.2.2/24,tun-name=t2,iff-no-pi,iff-up &
ip netns exec b socat UDP-LISTEN:9102 TUN:10.0.3.2/24,tun-name=t3,iff-no-pi,iff-up &
ip netns exec b ss -uln | sort
ip netns exec a socat UDP6:[2001:db8::26]:9100 TUN:10.0.1.1/24,tun-name=t1,iff-no-pi,iff-up &
ip netns exec a ping -c 2 -W 1 10.0.1.2
ip netns exec b ss -uan | awk '{ print $1, $4, $5 }' | sed 's/:[0-9]*$//' | sort
ip netns exec a socat UDP6-DATAGRAM:[2001:db8::26]:9000,bind=[2001:db8::16]:9000 TUN:10.0.0.1/24,tun-name=t8
ip -n a link show t0
ip -n b -br link
