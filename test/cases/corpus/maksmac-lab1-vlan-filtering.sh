#!/bin/sh
# corpus: routing course lab 1: a VLAN-filtering bridge with a trunk and an access port
# source: https://github.com/Maksmac-glitch/2025-2026-introduction_in_routing-k3320-makarov_m_v/blob/HEAD/lab1/configs/sw02_01.sh
# author: Maksmac-glitch (GitHub)
# licence: not stated
# changes: hostname removed (the sandbox's own); eth1 and eth2 (containerlab links) created
#   as veths first; set -x dropped (-e -u kept).
set -eu
ip link add eth1 type veth peer name eth1-peer
ip link add eth2 type veth peer name eth2-peer
ip link add br0 type bridge vlan_filtering 1
ip link set br0 up
for p in eth1 eth2; do
  ip link set "$p" up
  ip link set "$p" master br0
done
bridge vlan add dev br0 vid 10 self
bridge vlan add dev br0 vid 20 self
bridge vlan add dev eth1 vid 10
bridge vlan add dev eth1 vid 20
bridge vlan add dev eth2 vid 10 pvid untagged
bridge vlan show
