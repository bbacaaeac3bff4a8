#!/bin/bash
# corpus: duplicate IP check: addresses from ip a through grep/awk/cut, arping -D per address, awk over the results
# source: https://github.com/zerobits01/Story_Of_Writing_EH_Tools/blob/HEAD/shell-apps/duplicate_checker.sh
# author: zerobits01 (GitHub)
# licence: not stated
# changes: wlan0 replaced by a veth made first with one address, whose peer (in a namespace)
#   holds the same address; the results kept in a variable instead of /tmp/duplicate_ip (the
#   sandbox shares the machine's /tmp).
ip netns add other
ip link add wlan0 type veth peer name wlan0-peer netns other
ip addr add 192.168.7.5/24 dev wlan0
ip link set wlan0 up
ip -n other addr add 192.168.7.5/24 dev wlan0-peer
ip -n other link set wlan0-peer up
IPS1=`ip a | grep inet | grep -v inet6 | grep -v 127.0.0.1 | grep wlan0 | awk '{print $2}' | cut -d '/' -f1`
OUTPUT=""
for i in $IPS1;
        do
                arping -q -D -I wlan0 -c 2 $i
                OUTPUT="$OUTPUT
wlan0 $i $?"
        done
DUPIP=`echo "$OUTPUT" | awk '$3 == "1" { print $0 }'`
if [ -z "$DUPIP" ]
then
        echo OK: No duplicate IP found
else
        echo CRITICAL: Duplicate IP found: $DUPIP
fi
