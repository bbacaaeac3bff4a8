#!/bin/bash
# corpus: QinQ: a VLAN on a VLAN on a tap device
# corpus: second-kernel (vlan)
# source: https://github.com/jin13417/dpdk-vpp-learning/blob/HEAD/test/qinq/kernel.sh
# author: jin13417 (GitHub)
# licence: not stated
# changes: tap10 (made by VPP in the original) created with ip tuntap first.
ip tuntap add dev tap10 mode tap
ip link set tap10 up
ip link add link tap10 name tap10.10 type vlan id 10
ip link add link tap10.10 name tap10.10.100 type vlan id 100
ip link set tap10.10 up
ip link set tap10.10.100 up
ip addr add 192.168.1.2/24 dev tap10.10.100
