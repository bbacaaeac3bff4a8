#!/bin/bash
# corpus: iproute2 commit message: rules with suppress_prefixlength and an fwmark rule to a second uplink table
# source: https://googlers.googlesource.com/maze/iproute2/+/b1d0525f9cc3ef6fa7670ff3769828404cea31d4
# author: Stefan Tomanek (iproute2 commit message)
# licence: GPL-2.0 (iproute2)
# changes: the named table "secuplink" used by number (100: no rt_tables file is written); the
#   uplink's subnet made reachable on a veth first; the rules listed at the end.
ip link add uplink2 type veth peer name uplink2-peer
ip link set uplink2 up
ip addr add 10.42.23.2/24 dev uplink2
ip route add table 100 default via 10.42.23.1
ip rule add pref 100            table main suppress_prefixlength 0
ip rule add pref 150 fwmark 0xA table 100
ip rule add pref 150 table main suppress_group 1
ip rule
