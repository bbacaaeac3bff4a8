#!/bin/bash
# corpus: QEMU networking: a tap made with tunctl, a brctl bridge, addresses on both
# source: https://github.com/hsfengbyte/qemu-linux/blob/HEAD/arm/net.sh
# author: hsfengbyte (GitHub)
# licence: not stated
# changes: none.
tunctl -u hsfeng -t tap0
brctl addbr br0
ip link set dev tap0 up
ip link set dev br0 up
ip addr add 192.168.0.11/24 dev tap0
ip addr add 192.168.0.1/24 dev br0
