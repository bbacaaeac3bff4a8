#!/bin/sh
# corpus: QEMU TAP notes: the ifup script (tunctl, ifconfig promisc, brctl addif, brctl show) and its ifdown
# source: https://github.com/yousirui1/note/blob/HEAD/qemu-tap.md
# author: yousirui1 (GitHub)
# licence: not stated
# changes: apt-get install and /etc/network/interfaces left out; br0 created with brctl first
#   (the notes configure it in interfaces); "$(id -un)" kept; $1 set to tap0.
brctl addbr br0
set -- tap0
echo sudo tunctl -u $(id -un) -t $1
sudo tunctl -u $(id -un) -t $1
echo sudo ifconfig $1 0.0.0.0 promisc up
sudo ifconfig $1 0.0.0.0 promisc up
echo sudo brctl addif br0 $1
sudo brctl addif br0 $1
echo brctl show
brctl show
sudo ifconfig br0 192.168.11.20
echo sudo brctl delif br0 $1
sudo brctl delif br0 $1
echo sudo tunctl -d $1
sudo tunctl -d $1
echo brctl show
brctl show
