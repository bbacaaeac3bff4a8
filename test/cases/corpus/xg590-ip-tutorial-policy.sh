#!/bin/bash
# corpus: ip tutorial: delete wrong default routes (by dev, by via, by metric), a source rule to a table, restart a link
# source: https://github.com/xg590/tutorials/blob/HEAD/Software/ip.md
# author: xg590 (GitHub)
# licence: not stated
# changes: the named table src123 (written to rt_tables.d by the tutorial) used by its number
#   200; interface_name and ppp0 replaced by veths made first; nmcli left out; "wait" kept.
ip link add eth0 type veth peer name eth0-peer
ip link add ppp0 type veth peer name ppp0-peer
ip link set eth0 up
ip link set eth0-peer up
ip link set ppp0 up
ip addr add 192.168.1.2/24 dev eth0
ip addr add 10.0.0.1/24 dev ppp0
ip route add default via 192.168.1.1 metric 9999
ip route add default dev eth0
ip route del default dev eth0
ip route del 0.0.0.0/0 via 192.168.1.1
ip route del 0.0.0.0/0 via 192.168.1.1 metric 9999
ip route add default dev eth0
ip rule add from 192.168.30.200 lookup 200
ip rule list lookup 200
ip route add default via 10.0.0.2 dev ppp0 table 200
ip route show table 200
ip link set eth0 down; wait ; ip link set eth0 up
ip addr del 192.168.1.2/32 dev eth0
ip route
