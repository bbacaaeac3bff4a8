#!/bin/bash
# corpus: simulator node init: forwarding and rp_filter per interface, IPv6 off and autoconf off
# source: https://github.com/sszwaczyk-phd/floodlight/blob/HEAD/scenarios/simple-polska/estinet/simple-polska-es/simple-polska.sim/application_setting/individual/node9/init/init_ip_config.sh
# author: sszwaczyk-phd (GitHub)
# licence: Apache-2.0 (Floodlight)
# changes: eth5 (the simulator's interface) created as a veth first.
ip link add eth5 type veth peer name eth5-peer
sysctl -w net.ipv4.conf.all.forwarding=1
sysctl -w net.ipv4.conf.all.rp_filter=0
ip address add 1.0.1.7/24 dev eth5
sysctl -w net.ipv4.conf.eth5.forwarding=1
sysctl -w net.ipv4.conf.eth5.rp_filter=0
sysctl -w net.ipv6.conf.eth5.disable_ipv6=1
sysctl -w net.ipv6.conf.eth5.autoconf=0
ip link set eth5 up
sysctl net.ipv4.ip_forward
