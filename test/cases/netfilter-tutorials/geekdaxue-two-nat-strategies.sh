#!/bin/bash
# Adapted from a note on iptables for container networking, geekdaxue (ziiiyang),
# http://geekdaxue.co/read/ziiiyang@eyr3ix/tz5g8i
# Its two strategies: a namespace reaches the outside by having its source translated to the
# host's address (MASQUERADE), and an outside request to the host is sent on into the
# namespace (DNAT; the note maps the host's TCP port 80). Changes: a namespace ns1 on a veth
# (172.18.0.2; the host 172.18.0.1), an outside namespace on the host's uplink; the DNAT maps
# every packet to the host's uplink address instead of port 80 (TCP is not modelled here).
ip netns add ns1
ip netns add outside
ip link add veth-ns1 type veth peer name eth0 netns ns1
ip addr add 172.18.0.1/24 dev veth-ns1
ip link set veth-ns1 up
ip -n ns1 addr add 172.18.0.2/24 dev eth0
ip -n ns1 link set eth0 up
ip -n ns1 route add default via 172.18.0.1
ip link add uplink type veth peer name eth0 netns outside
ip addr add 10.255.0.1/24 dev uplink
ip link set uplink up
ip -n outside addr add 10.255.0.2/24 dev eth0
ip -n outside link set eth0 up
sysctl -w net.ipv4.ip_forward=1
iptables -t nat -A POSTROUTING -s 172.18.0.0/24 -o uplink -j MASQUERADE
ip netns exec ns1 ping -c 1 -W 1 10.255.0.2
ip netns exec outside ping -c 1 -W 1 10.255.0.1
iptables -t nat -A PREROUTING -i uplink -d 10.255.0.1 -j DNAT --to-destination 172.18.0.2
ip netns exec outside ping -c 1 -W 1 10.255.0.1
iptables -t nat -L -n -v -x
iptables-save -t nat | grep -v '^#'
