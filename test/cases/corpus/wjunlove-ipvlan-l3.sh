#!/bin/bash
# corpus: k8s network learning: IPVLAN L3 children in two namespaces, ifconfig, default dev routes
# corpus: second-kernel (ipvlan)
# source: https://github.com/wjunlove123/k8s-network-learning/blob/HEAD/k8snetwork_code/muticni/5-kind-multus-ipvlanl3/6-reference/ipvlan-l3.sh
# author: wjunlove123 (GitHub)
# licence: not stated
# changes: ens160 (the VM's NIC) replaced by a veth made first.
ip link add ens160 type veth peer name ens160-peer
ip netns add net1
ip netns add net2
ip link add ipvlan1 link ens160 type ipvlan mode l3
ip link add ipvlan2 link ens160 type ipvlan mode l3
ip link set ipvlan1 netns net1
ip link set ipvlan2 netns net2
ip netns exec net1 ifconfig ipvlan1 10.1.1.2/24 up
ip netns exec net2 ifconfig ipvlan2 10.1.2.2/24 up
ip netns exec net1 ip route add default dev ipvlan1
ip netns exec net2 ip route add default dev ipvlan2
