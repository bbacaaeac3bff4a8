#!/bin/bash
# corpus: EVPN/VXLAN vagrant lab: a namespace host configured with ifconfig, MTU 1450
# source: https://github.com/skjune12/vagrant-evpn-vxlan/blob/HEAD/config/gobgp3/config-interface.sh
# author: skjune12 (GitHub)
# licence: not stated
# changes: the rc.local here-document and the routes via the VM's other NIC (absent here) removed.
ip netns add vxlan
ip link add veth0 type veth peer name veth1
ip link set veth0 mtu 1450
ip link set veth1 mtu 1450
ip link set veth0 netns vxlan
ip netns exec vxlan ifconfig lo up
ip netns exec vxlan ifconfig veth0 192.168.1.6 up
ifconfig veth1 192.168.1.5 up
ip netns exec vxlan ip link show veth0
