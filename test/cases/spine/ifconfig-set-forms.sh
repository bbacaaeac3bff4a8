#!/bin/bash
# net-tools ifconfig's setting forms, as tutorials use them: an address (with /LEN, a netmask,
# or the classful default), up, down, mtu; the address replaces the device's first one, and
# setting one brings the device up.
ip link add v0 type veth peer name v1
ip link add v2 type veth peer name v3
ifconfig v0 10.10.1.1/24
ip addr show dev v0
ip route
ifconfig v0 192.168.1.4 up
ip -4 addr show dev v0
ifconfig v0 10.1.2.3
ip -4 addr show dev v0
ifconfig v0 10.1.2.3/16
ip -4 addr show dev v0
ifconfig v0 172.20.1.1/28
ip -4 addr show dev v0
ifconfig v2 172.16.5.5 netmask 255.255.255.0 up
ip -4 addr show dev v2
ip addr add 172.16.5.9/24 dev v2
ifconfig v2 172.16.5.7
ip -4 addr show dev v2
ip route
ifconfig v2 0.0.0.0
ip -4 addr show dev v2
ifconfig v9 1.2.3.4
ifconfig v9 up
ifconfig v0 mtu 1400
ifconfig v0 mtu 70000
ifconfig v0 down
ip link show v0
ifconfig lo up
ifconfig v1 10.10.1.2/24 up
ping -c 1 10.10.1.2
ifconfig v0 10.1.1.1/24 mtu 99999 netmask 255.255.0.0
ip -4 addr show dev v0
ifconfig v9 10.1.1.1/24 netmask 255.255.0.0 up
