#!/bin/bash
# corpus: the kernel's VXLAN documentation: create, show, fdb entries, delete
# source: https://repo.or.cz./linux/fpc-iii.git/blob/767f7a2cf33a135fe3f57010b51c3f6e92d7677d:/Documentation/networking/vxlan.txt
# author: Linux kernel documentation (Documentation/networking/vxlan.txt, Stephen Hemminger)
# licence: GPL-2.0 (the kernel's)
# changes: eth1 replaced by a veth made first.
ip link add eth1 type veth peer name eth1-peer
ip link add vxlan0 type vxlan id 42 group 239.1.1.1 dev eth1 dstport 4789
ip -d link show vxlan0
bridge fdb add to 00:17:42:8a:b4:05 dst 192.19.0.2 dev vxlan0
bridge fdb show dev vxlan0
bridge fdb delete 00:17:42:8a:b4:05 dev vxlan0
bridge fdb show dev vxlan0
ip link delete vxlan0
