#!/bin/bash
# corpus: iproute2 snippets: JSON brief output, permanent/dynamic addresses, the net-tools replacements
# source: https://github.com/n3st0r/snipets/blob/HEAD/net/iproute2.md
# author: n3st0r (GitHub)
# licence: not stated
# changes: the DNS lookup in "ip route get" replaced by a fixed address on a veth made first;
#   each replacement command of the table run once.
ip link add eth0 type veth peer name eth0-peer
ip addr add 192.0.2.10/24 dev eth0
ip link set eth0 up
ip link set eth0-peer up
ip route get 192.0.2.77
ip --json --brief address show lo
ip address show dev eth0 permanent
ip address show dev eth0 dynamic
ip link
ip -s link show lo
ip neigh
ip maddr show dev lo
