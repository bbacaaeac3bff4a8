#!/bin/sh
# corpus: ucarp up hook: add the VIP (and extra addresses) in a for loop; usage when no VIP
# source: https://github.com/khurram-aziz/HelloDocker/blob/HEAD/ucarp-up.sh
# author: Khurram Aziz (GitHub khurram-aziz)
# licence: not stated
# changes: the hook's arguments given with set -- (eth0 10.5.0.10/24); eth0 a veth made first;
#   run once more with the VIP missing.
ip link add eth0 type veth peer name eth0-peer
set -- eth0 10.5.0.10/24
DEV=$1
VIP=$2
shift
if [ -z "$VIP" ]
then
  echo "$0 interface vip [additional ips...]"
fi
for i in $VIP $IPS
do
  ip addr add $i dev $DEV
done
ip -4 -o addr show dev eth0
