#!/bin/bash
# Docker's FORWARD DROP on a bridge host: bridged IPv4 crosses iptables FORWARD through
# br_netfilter (built in: modprobe answers at once, bridge-nf-call-iptables is 1 in every new
# namespace), -m physdev, the sysctl turned off and on, the usual fix (-i br0 -o br0 ACCEPT).
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
ip netns exec a ping -c 1 -W 1 10.0.0.2
sysctl net.bridge.bridge-nf-call-iptables
cat /proc/sys/net/bridge/bridge-nf-call-iptables
modprobe br_netfilter
iptables -P FORWARD DROP
ip netns exec a ping -c 1 -W 1 10.0.0.2
iptables -L FORWARD -n -v -x
iptables -A FORWARD -m physdev --physdev-in va-br --physdev-is-bridged -j ACCEPT
iptables -A FORWARD -m physdev --physdev-out va-br -j ACCEPT
ip netns exec a ping -c 1 -W 1 10.0.0.2
iptables -L FORWARD -n -v -x
sysctl -w net.bridge.bridge-nf-call-iptables=0
iptables -F FORWARD
ip netns exec a ping -c 1 -W 1 10.0.0.2
iptables -L FORWARD -n -v -x
sysctl -w net.bridge.bridge-nf-call-iptables=1
iptables -A FORWARD -i br0 -o br0 -j ACCEPT
ip netns exec a ping -c 2 -i 0.2 -W 1 10.0.0.2
iptables -L FORWARD -n -v -x
ip netns exec a sysctl net.bridge.bridge-nf-call-iptables
ip netns add c
ip netns exec c sysctl net.bridge.bridge-nf-call-iptables
sysctl -w net.bridge.bridge-nf-call-iptables=7
sysctl net.bridge.bridge-nf-call-iptables
sysctl net.bridge.bridge-nf-call-nothing
