#!/bin/sh
# corpus: dummy interface with an IPv4 and an IPv6 address, shown and removed
# corpus: second-kernel (dummy)
# source: https://github.com/slankdev/routerd/blob/HEAD/TEST_ADDR.sh
# author: Hiroki Shirokura (GitHub slankdev)
# licence: not stated
# changes: set -e dropped (this kernel has no dummy: the first line fails and -e would end it).
set -u
echo -------
sudo ip link add dum0 type dummy
sudo ip link set dum0 up
sudo ip addr add 10.0.0.1/24 dev dum0
sudo ip addr add 2001:1::1/64 dev dum0
ip addr show dev dum0
echo -------
sudo ip addr del 10.0.0.1/24 dev dum0
sudo ip addr del 2001:1::1/64 dev dum0
sudo ip link del dum0
