#!/bin/bash
# corpus: XDP lab setup: a veth pair created with its peer straight in a namespace
# source: https://github.com/seantywork/hack/blob/HEAD/kebpf-xdp/af/setup.sh
# author: seantywork (GitHub)
# licence: not stated
# changes: a ping (-c 1) and an address listing appended.
sudo ip netns add net1
sudo ip link add dev veth1 type veth peer name veth2 netns net1
sudo ip link set up veth1
sudo ip netns exec net1 ip link set up veth2
sudo ip addr add 192.168.62.5/24 dev veth1
sudo ip netns exec net1 ip addr add 192.168.62.6/24 dev veth2
ping -c 1 192.168.62.6
ip -br addr show dev veth1
