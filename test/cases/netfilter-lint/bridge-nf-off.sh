#!/bin/bash
# lint bridge-nf (needed but off): a FORWARD rule drops frames from one bridge port, but
# bridge-nf-call-iptables was turned off, so bridged frames never meet it and the ping passes.
ip netns add a
ip netns add b
ip link add br0 type bridge
ip link set br0 up
ip link add va type veth peer name va-br
ip link add vb type veth peer name vb-br
ip link set va netns a
ip link set vb netns b
ip link set va-br master br0
ip link set vb-br master br0
ip link set va-br up
ip link set vb-br up
ip -n a addr add 10.0.0.1/24 dev va
ip -n b addr add 10.0.0.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up
iptables -A FORWARD -m physdev --physdev-in va-br -j DROP
sysctl -w net.bridge.bridge-nf-call-iptables=0
ip netns exec a ping -c 1 -W 1 10.0.0.2
iptables -L FORWARD -n -v -x
