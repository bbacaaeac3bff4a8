#!/bin/sh
# corpus: a host-side macvlan so the host reaches its macvlan containers; ethtool | grep -q guard
# source: https://github.com/HolgerHees/smartserver/blob/HEAD/roles/network/templates/create_macvlan_bridge.sh
# author: Holger Hees (GitHub HolgerHees)
# licence: not stated
# changes: the template's values filled in (main interface a veth made first, server ip
#   192.168.0.50, macvlan range 192.168.0.192/27).
ip link add eth0 type veth peer name eth0-peer
ip link set eth0 up
if /usr/sbin/ethtool mac0 2>/dev/null | grep -q "Link detected"; then
  ip link del mac0
fi
ip link add mac0 link eth0 type macvlan mode bridge
ip addr add 192.168.0.50/32 dev mac0
ip link set mac0 up
ip route add 192.168.0.192/27 dev mac0
ip route show dev mac0
