#!/bin/bash
# corpus: study notes: argument check with printf, a veth created straight into the new namespace
# source: https://github.com/exuuwen/study/blob/HEAD/virtualization/docker/namespace.sh
# author: exuuwen (GitHub)
# licence: not stated
# changes: the two arguments given with set -- (c1 172.20.0.2); the interactive bash at the end
#   replaced by an address listing; run once without arguments first to show its usage line.
if [ $# != 2 ]
then
	printf "%s nsname ip \n" namespace.sh
fi
set -- c1 172.20.0.2
nsname=$1
ip=$2
ip netns add $1
ip link add name $1 type veth peer name eth0 netns $1
ip link set $1 up
ip netns exec $1 ip link set eth0 up
ip netns exec $1 ip addr add "$ip/24" dev eth0
ip netns exec $1 ip link set lo up
ip netns exec $1 ip -4 addr
