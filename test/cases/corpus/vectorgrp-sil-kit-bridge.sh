#!/bin/bash
# corpus: SIL Kit adapter: a tap, ethtool offload off, a brctl bridge with two taps
# source: https://github.com/vectorgrp/sil-kit-adapters-tap/blob/HEAD/tools/setupNetworkBridge.sh
# author: Vector Informatik (GitHub vectorgrp)
# licence: MIT (repository)
# changes: eth0 and qemu_demo_tap (the VM's devices) created first, as a veth and a tap.
ip link add eth0 type veth peer name eth0-peer
ip tuntap add dev qemu_demo_tap mode tap
echo "Setting up network bridge for QEMU images..."
ip tuntap add dev tap10 mode tap
ethtool -K eth0 tx off
ethtool -K tap10 tx off
sudo brctl addbr br1
sudo brctl addif br1 qemu_demo_tap
sudo brctl addif br1 tap10
sudo ip link set br1 up
sudo ip link set qemu_demo_tap up
sudo ip link set tap10 up
brctl show br1
