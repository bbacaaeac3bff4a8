#!/bin/bash
# corpus: failover: a VIP on a dummy interface, gratuitous ARP with arping -U over a VXLAN
# corpus: second-kernel (dummy)
# source: https://github.com/AndrewBryson/azure-tunnel-based-failover/blob/HEAD/scripts/secondary/vip-failover.sh
# author: Andrew Bryson (GitHub AndrewBryson)
# licence: not stated
# changes: the date stamps in the echo lines removed (wall clock); vxlan0 (made by another
#   script of the repository) created first with a local address.
ip link add vxlan0 type vxlan id 100 local 10.0.0.4 dstport 4789
ip link set vxlan0 up
VIP=192.168.0.200
sudo ip link add name vip type dummy
sudo ifconfig vip $VIP netmask 255.255.255.0 up
echo "+ Starting arping"
sudo arping -U -c 3 -I vxlan0 -s $VIP $VIP
echo "+ Done"
