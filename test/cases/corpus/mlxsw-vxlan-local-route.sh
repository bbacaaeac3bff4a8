#!/bin/bash
# corpus: the local VTEP address on lo and its route in table local
# source: https://git.hub.midware.dev/Mellanox/mlxsw/wiki/Virtual-eXtensible-Local-Area-Network-%28VXLAN%29
# author: Mellanox mlxsw wiki (GitHub Mellanox/mlxsw)
# licence: not stated
# changes: the VXLAN device vx10010 created with the parameters its listing shows (the offload
#   flag of the wiki's route needs a Spectrum switch).
ip link add vx10010 type vxlan id 10 local 192.0.2.1 dstport 4789 ttl 10 ageing 300
ip address add 192.0.2.1/32 dev lo
ip route show 192.0.2.1 table local
ip -d link show dev vx10010
