#!/bin/bash
# corpus: duplicate IP detection with the other arping's options (-d -i): iputils' arping refuses them
# source: https://github.com/usv299792458/configs/blob/HEAD/dup_ip_detect.sh
# author: usv299792458 (GitHub)
# licence: not stated
# changes: the range cut from {1..254} to {1..3}; eth0 a veth made first; the smbclient message
#   replaced by an echo.
ip link add eth0 type veth peer name eth0-peer
ip addr add 192.168.40.100/24 dev eth0
ip link set eth0 up
IPS=""
for i in {1..3}; do
  IP=192.168.40.$i
  sudo arping -d -i eth0 -c 1 $IP &>/dev/null
  if [ $? -ne 0 ]; then
    IPS="$IPS $IP"
  fi
done
if [ -n "$IPS" ]; then
  echo -e "DUPLICATE IP(S): $IPS"
fi
