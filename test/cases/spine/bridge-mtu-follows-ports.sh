#!/bin/bash
# A bridge follows its smallest port MTU (br_mtu_auto_adjust) until its own MTU is set by hand.
ip link add br0 type bridge
ip link add v0 type veth peer name v1
ip link set v0 master br0
ip link set v0 mtu 1400
ip -br link show br0
ip link show br0
ip link set v0 nomaster
ip link show br0
ip link set br0 mtu 1300
ip link set v0 master br0
ip link show br0
