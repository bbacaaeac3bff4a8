#!/bin/bash
# corpus: container networking notes, with the article's typo "ipnetns" kept
# source: https://www.computoms.com/dev/container-networking.html
# author: computoms (computoms.com)
# licence: not stated
# changes: the python http.server left out; the namespace created once more with the right
#   spelling after the typo fails; a ping -c 1 appended.
sudo ipnetns add http2
sudo ip netns add http2
sudo ip link add dev veth_http2 type veth peer name veth_ns_http2
sudo ip link set veth_ns_http2 netns http2
sudo ip link set dev veth_http2 up
sudo ip netns exec http2 ip link set dev veth_ns_http2 up
sudo ip address add 10.0.0.10/24 dev veth_http2
sudo ip netns exec http2 ip address add 10.0.0.11/24 dev veth_ns_http2
sudo ip netns exec http2 ip link set dev lo up
sudo ip netns exec http2 ip route add default via 10.0.0.10
echo 1 | sudo tee /proc/sys/net/ipv4/ip_forward
ping -c 1 10.0.0.11
