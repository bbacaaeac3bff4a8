#!/bin/bash
# corpus: configure a tun device: ip -6 link set up, an IPv6 address without prefix, forwarding
# source: https://github.com/MaximeSchlegel/AMUM1S1-Reseaux-Projet/blob/HEAD/configs/configure-tun-ipset.sh
# author: Maxime Schlegel (GitHub MaximeSchlegel)
# licence: not stated
# changes: the tun device ($1, made by the project's program) created with ip tuntap first.
ip tuntap add dev tun0 mode tun
set -- tun0
ip -6 link set $1 up
ip -6 addr add fc00:1234:ffff::1 dev $1
sysctl -q -w net.ipv6.conf.all.forwarding=1
ip -6 addr show dev tun0
