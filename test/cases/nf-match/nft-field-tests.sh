#!/bin/bash
# nftables' tests of plain packet fields, as the nftables wiki writes them ("Quick reference",
# "Rate limiting matchings", "Matching packet headers":
# https://wiki.nftables.org/wiki-nftables/index.php/Quick_reference-nftables_in_10_minutes):
# `limit rate`, `tcp flags`, `meta pkttype`, `th dport`, `ip ttl`, `ip6 hoplimit`, `meta
# length`, `ether saddr` and address ranges — listed as nft lists them and tested by pings and
# TCP connections through a router.
ip netns add fw
ip netns add a
ip netns add b
ip link add a0 netns a type veth peer name fa netns fw
ip link add b0 netns b type veth peer name fb netns fw
ip -n a link set a0 address 02:00:00:00:0b:01
ip -n a addr add 10.10.1.2/24 dev a0
ip -n a addr add 10.10.1.3/24 dev a0
ip -n b addr add 10.10.2.2/24 dev b0
ip -n fw addr add 10.10.1.1/24 dev fa
ip -n fw addr add 10.10.2.1/24 dev fb
ip -n a link set a0 up
ip -n b link set b0 up
ip -n fw link set fa up
ip -n fw link set fb up
ip -n a route add default via 10.10.1.1
ip -n b route add default via 10.10.2.1
ip netns exec fw sysctl -qw net.ipv4.ip_forward=1
ip netns exec fw nft add table inet f
ip netns exec fw nft add chain inet f forward '{ type filter hook forward priority 0; policy accept; }'
ip netns exec fw nft add chain inet f input '{ type filter hook input priority 0; policy accept; }'
ip netns exec fw nft add rule inet f forward ip saddr 10.10.1.3-10.10.1.9 counter drop
ip netns exec fw nft add rule inet f forward meta length '>' 1000 counter drop
ip netns exec fw nft add rule inet f forward ip ttl lt 5 counter drop
ip netns exec fw nft add rule inet f forward meta l4proto tcp tcp flags syn / syn,ack th dport 81 counter reject with tcp reset
ip netns exec fw nft add rule inet f forward tcp flags syn th dport 82 counter drop
ip netns exec fw nft add rule inet f input meta pkttype broadcast counter drop
ip netns exec fw nft add rule inet f input ether saddr 02:00:00:00:0B:01 icmp type echo-request limit rate over 1/second burst 1 packets counter drop
ip netns exec fw nft add rule inet f input ip6 hoplimit 255 counter
ip netns exec fw nft add rule inet f input th dport '{ 53, 80 }' counter
ip netns exec fw nft add rule inet f input tcp flags == syn counter
ip netns exec fw nft add rule inet f input tcp flags '&' '(fin|syn|rst|ack)' '!=' syn counter
ip netns exec fw nft add rule inet f input meta pkttype '{ host, multicast }' counter
ip netns exec fw nft add rule inet f input limit rate 10 kbytes/second burst 2 mbytes counter
ip netns exec fw nft list ruleset
ip netns exec a ping -c 1 -W 1 -I 10.10.1.2 10.10.2.2
ip netns exec a ping -c 1 -W 1 -I 10.10.1.3 10.10.2.2
ip netns exec a ping -c 1 -W 1 -s 1000 10.10.2.2
ip netns exec a ping -c 1 -W 1 -s 900 10.10.2.2
ip netns exec a ping -c 1 -W 1 -t 4 10.10.2.2
ip netns exec b ping -c 1 -W 1 -b 10.10.2.255
ip netns exec b nc -l 81 >/dev/null &
ip netns exec b nc -l 82 >/dev/null &
ip netns exec b nc -l 83 >/dev/null &
sleep 0.5
ip netns exec a nc -z -v -w 1 10.10.2.2 81
ip netns exec a nc -z -v -w 2 10.10.2.2 82
ip netns exec a nc -z -v -w 1 10.10.2.2 83
ip netns exec a ping -c 8 -i 0.3 -W 1 10.10.1.1
ip netns exec fw nft list ruleset
