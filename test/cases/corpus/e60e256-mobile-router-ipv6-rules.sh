#!/bin/bash
# corpus: mobile router: IPv6 enabled and forwarding, ip6tables rules, TCPMSS clamp, -6 source rules to tunnel tables
# source: https://github.com/e60e256/Ubuntu-router-test/blob/HEAD/nwcfg/network_config_mobile_router.sh
# author: e60e256 (GitHub)
# licence: not stated
# changes: the rt_tables names tunnel-2210/-2220 used by number (221, 222: no file is written);
#   eth0, eth1 and eth2 (the machine's NICs) created as veths first; eth1 and eth2 given
#   addresses in the gateways' prefixes so the default routes resolve.
ip link add eth0 type veth peer name eth0-peer
ip link add eth1 type veth peer name eth1-peer
ip link add eth2 type veth peer name eth2-peer
ip link set eth1 up
ip link set eth2 up
ip -6 addr add 2001:200:0:1cdc:1e60:0:2210:1/112 dev eth1 nodad
ip -6 addr add 2001:200:0:1cdc:1e60:0:2220:1/112 dev eth2 nodad
sysctl -w net.ipv6.conf.all.disable_ipv6=0
sysctl -w net.ipv6.conf.all.forwarding=1
ip netns add NS
ip netns exec NS sysctl -w net.ipv6.conf.all.disable_ipv6=0
ip netns exec NS sysctl -w net.ipv6.conf.all.forwarding=1
ip netns exec NS ip link add name br0 type bridge
ip link add NS-veth1 type veth peer name veth0
ip link set NS-veth1 netns NS
ip netns exec NS ip link set NS-veth1 master br0
ip -6 addr add 2001:200:0:1cdc:1e60::2110:2/112 dev veth0
ip link set eth0 netns NS
ip netns exec NS ip link set eth0 master br0
ip6tables -A FORWARD -i veth0 -j DROP
ip netns exec NS ip6tables -t mangle -A FORWARD -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --set-mss 1340
ip netns exec NS ip link set NS-veth1 promisc on
ip netns exec NS ip link set eth0 promisc on
ip netns exec NS ip link set dev br0 type bridge forward_delay 0
ip -6 rule add from 2001:200:0:1cdc:1e60:0:2210:0/112 lookup 221
ip -6 rule add from 2001:200:0:1cdc:1e60:0:2220:0/112 lookup 222
ip -6 route add default via 2001:200:0:1cdc:1e60:0:2210:4 dev eth1 table 221
ip -6 route add default via 2001:200:0:1cdc:1e60:0:2220:4 dev eth2 table 222
ip netns exec NS ip link set eth0 up
ip netns exec NS ip link set br0 up
ip netns exec NS ip link set NS-veth1 up
ip link set veth0 up
ip -6 rule
