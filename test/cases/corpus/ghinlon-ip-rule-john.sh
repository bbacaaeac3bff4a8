#!/bin/bash
# corpus: notes on ip rule: a rule from one source to its own table with a default route
# source: https://github.com/ghinlon/haha/blob/HEAD/src/inet/network/iproute2/ip-rule.md
# author: ghinlon (GitHub)
# licence: not stated
# changes: the table named in /etc/iproute2/rt_tables ("John") used by its number 200 (no file
#   is written); ppp2 and its gateway replaced by a veth with an address in the gateway's subnet.
ip link add ppp2 type veth peer name ppp2-peer
ip link set ppp2 up
ip link set ppp2-peer up
ip addr add 195.96.98.1/24 dev ppp2
ip rule add from 10.0.0.10 table 200
ip rule ls
ip route add default via 195.96.98.253 dev ppp2 table 200
ip route flush cache
ip route show table 200
