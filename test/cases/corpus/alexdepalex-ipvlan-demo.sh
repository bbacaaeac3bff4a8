#!/bin/bash
# corpus: Docker meetup demo: an IPVLAN L3 child in a namespace, 127.0.0.1 added to lo again, /8 address
# corpus: second-kernel (ipvlan)
# source: https://github.com/alexdepalex/docker-randstand-meetup/blob/HEAD/demo/ipvlan.md
# author: alexdepalex (GitHub)
# licence: not stated
# changes: machine 1's commands only; eno16777736 replaced by a veth made first; the
#   interactive bash replaced by ip netns exec per command.
ip link add eno16777736 type veth peer name eno-peer
ip netns add ns0
ip link add link eno16777736 ipvl0 type ipvlan mode l3
ip link set dev ipvl0 netns ns0
ip netns exec ns0 ip link set dev ipvl0 up
ip netns exec ns0 ip link set dev lo up
ip netns exec ns0 ip addr add 127.0.0.1 dev lo
ip netns exec ns0 ip addr add 10.10.0.100/8 dev ipvl0
ip netns exec ns0 ip route add default dev ipvl0
