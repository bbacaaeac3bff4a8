#!/bin/bash
# corpus: nine switch ports, each a veth pair with its host end in a namespace; loop, $((…)), ip link show test
# source: https://github.com/Mellanox/SAI-P4-BM/blob/HEAD/targets/P4-SAI/veth_setup.sh
# author: Mellanox (GitHub organisation)
# licence: not stated in the file
# changes: a namespace listing and one ping (-c 1) appended; the script is run twice, as a
#   user re-running it would (the second time every port exists already).
for run in 1 2; do
for idx in 0 1 2 3 4 5 6 7 8; do
    intf0="sw_port$(($idx))"
    intf1="host_port$(($idx))"
    net="host_net$(($idx))"
    ip="10.0.0.$(($idx))/24"
    if ! ip link show $intf0 &> /dev/null; then
        ip link add name $intf0 type veth peer name $intf1
        ip link set dev $intf0 up
        ip netns add $net
        ip link set dev $intf1 netns $net
        ip netns exec $net ip link set dev $intf1 up
        ip netns exec $net ip address add $ip dev $intf1
    fi
done
done
ip netns list | sort
ip netns exec host_net3 ip -br addr
