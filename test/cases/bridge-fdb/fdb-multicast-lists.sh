#!/bin/bash
# Each device's multicast list as `bridge fdb show` prints it (`self permanent`), in the order
# the kernel joined the groups: a veth never up, up, down and up again; IPv6 forwarding (all-
# routers), a global address (its solicited-node group), IPv6 disabled and enabled again,
# address generation off; a bridge up without ports, with snooping off, with its own MAC.
ip link add va address 02:00:00:00:0a:01 type veth peer name vb address 02:00:00:00:0b:01
bridge fdb show
ip link set va up
bridge fdb show
ip link set vb up
bridge fdb show
ip link set va down
bridge fdb show
ip link set va up
bridge fdb show dev va
ip addr add 2001:db8::1/64 dev va
ip addr add 10.1.1.1/24 dev va
bridge fdb show dev va
sysctl -q -w net.ipv6.conf.vb.disable_ipv6=1
bridge fdb show dev vb
sysctl -q -w net.ipv6.conf.vb.disable_ipv6=0
bridge fdb show dev vb
ip link add vc address 02:00:00:00:0c:01 type veth peer name vd address 02:00:00:00:0d:01
sysctl -q -w net.ipv6.conf.vc.addr_gen_mode=1
sysctl -q -w net.ipv6.conf.vd.forwarding=1
bridge fdb show dev vd
ip link set vc up
ip link set vd up
bridge fdb show dev vc
bridge fdb show dev vd
ip link set vd down
ip link set vd up
bridge fdb show dev vd
ip link add br0 address 02:00:00:00:00:01 type bridge
bridge fdb show dev br0
ip link set br0 up
bridge fdb show dev br0
ip link add br1 address 02:00:00:00:00:02 type bridge mcast_snooping 0
ip link set br1 up
bridge fdb show br br1
sleep 3
ip link set vc master br1
bridge fdb show br br1
ip link set vc nomaster
bridge fdb show br br1
bridge fdb show dev vc
