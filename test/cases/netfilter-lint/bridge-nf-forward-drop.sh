#!/bin/bash
# lint bridge-nf (on and dropping): Docker's FORWARD DROP on a host whose bridge joins two
# namespaces; with bridge-nf-call-iptables at 1, frames between the ports cross FORWARD and
# are dropped: a and b cannot ping each other.
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
iptables -P FORWARD DROP
ip netns exec a ping -c 1 -W 1 10.0.0.2
iptables -L FORWARD -n -v -x
