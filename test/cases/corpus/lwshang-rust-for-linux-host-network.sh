#!/bin/sh
# corpus: hands-on Rust for Linux: a bridge with brd, a tap from ip tuntap, enslaved and up
# source: https://github.com/lwshang/hands-on-rust-for-linux/blob/HEAD/part3/host_network.sh
# author: lwshang (GitHub)
# licence: not stated
# changes: "user $(whoami)" dropped (no user database in the sandbox's view is needed: root).
sudo ip link add br0 type bridge
sudo ip addr add 192.168.100.50/24 brd 192.168.100.255 dev br0
sudo ip tuntap add mode tap
sudo ip link set tap0 master br0
sudo ip link set dev br0 up
sudo ip link set dev tap0 up
ip -br link
