#!/bin/bash
# corpus: k8s networking session cleanup: namespaces, bridge down, brctl delbr, a route via the other node, forwarding off
# source: https://github.com/Tubbz-alt/k8s-networking-session/blob/HEAD/vagrant-boxes/multi-node-l2/cleanup.sh
# author: Tubbz-alt (GitHub; k8s networking session)
# licence: not stated
# changes: env.sh's values set (NS_NAME_1=ns1, NS_NAME_2=ns2, TO_NETWORK_IP=10.244.2.0,
#   TO_NODE_IP=192.168.56.12); the node's setup built first (enp0s8 as a veth with
#   192.168.56.11/24, br0, the namespaces, the route, forwarding).
NS_NAME_1=ns1
NS_NAME_2=ns2
TO_NETWORK_IP=10.244.2.0
TO_NODE_IP=192.168.56.12
ip link add enp0s8 type veth peer name enp0s8-peer
ip link set enp0s8 up
ip link set enp0s8-peer up
ip addr add 192.168.56.11/24 dev enp0s8
ip netns add $NS_NAME_1
ip netns add $NS_NAME_2
brctl addbr br0
ip link set dev br0 up
ip route add $TO_NETWORK_IP/24 via $TO_NODE_IP dev enp0s8
sysctl -w net.ipv4.ip_forward=1
echo "Cleaning up namespace and bridge"
ip netns delete $NS_NAME_1
ip netns delete $NS_NAME_2
ip link set dev br0 down
brctl delbr br0
ip route del $TO_NETWORK_IP/24 via $TO_NODE_IP dev enp0s8
sysctl -w net.ipv4.ip_forward=0
