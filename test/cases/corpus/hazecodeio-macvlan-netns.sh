#!/bin/bash
# corpus: a macvlan in bridge mode moved into a namespace, with a default route
# source: https://github.com/hazecodeio/utils-sandbox/blob/HEAD/os-scripts/network/ipvlan-start.sh
# author: hazecodeio (GitHub)
# licence: not stated
# changes: the variables its env loader sets given values (NS=ns0, IF a veth made first,
#   vIF=mv0, IP_HOST=192.168.1.50/24, IP_GW=192.168.1.1); nmcli removed.
ip link add eth9 type veth peer name eth9-peer
ip link set eth9 up
NS=ns0
IF=eth9
vIF=mv0
IP_HOST=192.168.1.50/24
IP_GW=192.168.1.1
sudo ip netns add $NS
sudo ip link add $vIF link $IF type macvlan mode bridge
sudo ip link set dev $vIF up
sudo ip link set $vIF netns $NS
sudo ip netns exec $NS ip link set lo up
sudo ip netns exec $NS ip link set $vIF up
sudo ip netns exec $NS ip addr add $IP_HOST dev $vIF
sudo ip netns exec $NS ip route add default via $IP_GW dev $vIF
sudo ip netns exec $NS ip route
