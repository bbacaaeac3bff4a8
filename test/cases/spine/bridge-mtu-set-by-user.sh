#!/bin/bash
# What pins a bridge's MTU (BROPT_MTU_SET_BY_USER is set in br_change_mtu only): an MTU given
# when the bridge is made does not (rtnl_create_link writes it directly), nor does setting the
# MTU it already has (dev_set_mtu returns before ndo_change_mtu); a real change does. A vxlan
# port costs what its lower device's speed costs (vxlan_get_link_ksettings), 100 without one.
ip link add br0 mtu 1400 type bridge
ip link show br0
ip link add v0 type veth peer name v1
ip link set v0 master br0
ip link show br0
ip link set br0 mtu 1500
ip link set v0 mtu 1300
ip link show br0
ip link set br0 mtu 1300
ip link set v0 mtu 1200
ip link show br0
ip link set br0 mtu 1100
ip link set v0 mtu 1000
ip link show br0
ip link set v0 nomaster
ip link show br0
ip link add br1 type bridge
ip link set br1 mtu 1400
ip link add v2 type veth peer name v3
ip link set v2 master br1
ip link show br1
ip link add vx0 type vxlan id 5 dstport 4789 dev v2
ip link add vx1 type vxlan id 6 dstport 4789
ip link add mv0 link v0 type macvlan
ip link add br2 type bridge
ip link set vx0 master br2
ip link set vx1 master br2
ip link set mv0 master br2
bridge link show
ip -d link show vx0 | grep -o 'cost [0-9]*'
ip -j link show br2
