#!/bin/bash
# Two ends of one veth with different MTUs: the sender fragments to its own MTU (1500), the
# receiving end drops what is larger than its MTU plus a VLAN tag's 4 bytes (is_skb_forwardable),
# so from the 1500 side a 1404-byte packet gets through and a 1405-byte one vanishes; from the
# 1400 side the packets are cut to 1400 and all arrive.
ip netns add a
ip netns add b
ip link add eth0 netns a type veth peer name eth0 netns b
ip -n a link set eth0 up
ip -n b link set eth0 up
ip -n b link set eth0 mtu 1400
ip -n a addr add 10.0.0.1/24 dev eth0
ip -n b addr add 10.0.0.2/24 dev eth0
ip netns exec a ping -c 1 -W 1 10.0.0.2
ip netns exec a ping -c 1 -W 1 -s 1376 10.0.0.2
ip netns exec a ping -c 1 -W 1 -s 1377 10.0.0.2
ip netns exec a ping -c 1 -W 1 -s 1472 -M do 10.0.0.2
ip netns exec a ping -c 1 -W 1 -s 3000 10.0.0.2
ip netns exec b ping -c 1 -W 1 -s 1377 10.0.0.1
ip netns exec b ping -c 1 -W 1 -s 1373 -M do 10.0.0.1
ip -n a link set eth0 mtu 1404
ip netns exec b ping -c 1 -W 1 -s 3000 10.0.0.1
ip -n a route get 10.0.0.2
