#!/bin/bash
# corpus: an IPVLAN L2 child created straight in a namespace, address and default route
# corpus: second-kernel (ipvlan)
# source: https://github.com/hazecodeio/tech-references/blob/HEAD/networking-linux/networking-vlans/_etc/ipvlan-start.sh
# author: hazecodeio (GitHub)
# licence: not stated
# changes: wlp34s0 replaced by a veth made first; nmcli removed.
ip link add wlp34s0 type veth peer name wlp-peer
export IF=wlp34s0
export vIF=wlan0_ns
export NS=ns0
sudo ip netns add $NS
sudo ip link add $vIF link $IF netns $NS type ipvlan mode l2
sudo ip netns exec $NS ip link set lo up
sudo ip netns exec $NS ip link set $vIF up
sudo ip netns exec $NS ip addr add 192.168.1.15/24 dev $vIF
sudo ip netns exec $NS ip route add default via 192.168.1.1 dev $vIF
