#!/bin/bash
# corpus: SDN training teardown: every delete silenced with &> /dev/null, run on a half-built lab
# source: https://github.com/sriramm123/SDN_Training/blob/HEAD/bridge-teardown.sh
# author: sriramm123 (GitHub)
# licence: not stated
# changes: part of the lab the teardown expects built first (br0, peach with peach2net, bowser),
#   so some deletes succeed and others fail silently; a listing appended.
ip link add br0 type bridge
ip netns add peach
ip netns add bowser
ip link add peach2net type veth peer name net2peach
ip link set peach2net netns peach
ip link set net2peach master br0
sudo ip link del dev br0 &> /dev/null
sudo ip netns exec peach ip link delete peach2net &> /dev/null
sudo ip netns exec bowser ip link delete bowser2net &> /dev/null
sudo ip netns exec bowser ip link delete bowser2peach &> /dev/null
sudo ip netns del peach &> /dev/null
sudo ip netns del bowser &> /dev/null
sudo ip netns del mario &> /dev/null
ip netns list
ip link
