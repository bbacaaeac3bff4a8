#!/bin/bash
# Which devices take router advertisements (ipv6_accept_ra): accept_ra 0 takes none; forwarding
# on turns accept_ra 1 off and leaves 2 on; autoconf 0 takes the routes but makes no address;
# accept_ra_defrtr 0 no default route, accept_ra_pinfo 0 no prefix; addr_gen_mode none still
# makes a SLAAC address from the MAC. Prefixes: a /48 with A makes no address, one with neither
# L nor A nothing, L without lifetimes a route that does not expire. An RA from a global
# source is dropped. ra6's own errors: a prefix length above 128, a device that does not
# exist, no destination.
ip netns add R
ip netns add H
ip link add r1 netns R type veth peer name h1 netns H
ip link add r2 netns R type veth peer name h2 netns H
ip link add r3 netns R type veth peer name h3 netns H
ip -n H link set h1 address 02:00:00:00:01:01
ip -n H link set h2 address 02:00:00:00:01:02
ip -n H link set h3 address 02:00:00:00:01:03
ip netns exec H sysctl -w net.ipv6.conf.h1.accept_ra=0
ip netns exec H sysctl -w net.ipv6.conf.h2.forwarding=1
ip netns exec H sysctl -w net.ipv6.conf.h3.autoconf=0
for d in r1 r2 r3; do ip -n R link set $d up; done
for d in h1 h2 h3; do ip -n H link set $d up; done
ip -n R addr add 2001:db8:f::1/64 dev r1
for d in r1 r2 r3; do ip netns exec R ra6 -i $d -d ff02::1 -t 300 -P 2001:db8:1::/64#LA#600#300; done
ip -n H -6 addr
ip -n H -6 route
ip netns exec H sysctl -w net.ipv6.conf.h2.accept_ra=2
ip netns exec H sysctl -w net.ipv6.conf.h3.accept_ra_defrtr=0
ip netns exec H sysctl -w net.ipv6.conf.h3.autoconf=1
ip netns exec H sysctl -w net.ipv6.conf.h1.accept_ra=1
ip netns exec H sysctl -w net.ipv6.conf.h1.accept_ra_pinfo=0
ip netns exec R ra6 -i r2 -d ff02::1 -t 300 -P 2001:db8:2::/64#LA#600#300
ip netns exec R ra6 -i r3 -d ff02::1 -t 300 -P 2001:db8:3::/64#A -P 2001:db8:4::/48#LA -P 2001:db8:5::/64 -P 2001:db8:6::/64#L
ip netns exec R ra6 -i r1 -d ff02::1 -t 300 -P 2001:db8:7::/64#LA
ip netns exec R ra6 -i r1 -d ff02::1 -s 2001:db8:f::1 -t 300 -P 2001:db8:8::/64#LA
ip -n H -6 addr
ip -n H -6 route
ip netns exec R ra6 -i r1 -d ff02::1 -P 2001:db8::/129
echo "exit $?"
ip netns exec R ra6 -i nosuch -d ff02::1
echo "exit $?"
ip netns exec R ra6 -i r1
echo "exit $?"
