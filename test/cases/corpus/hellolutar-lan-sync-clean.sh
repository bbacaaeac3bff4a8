#!/usr/bin/bash
# corpus: test cleanup with functions: netns del, bridge down, brctl delbr, veth deletes; timing: ip netns del returns before the kernel destroyed the namespace's devices, so whether the veth ends still exist for the deletes is a race
# source: https://github.com/hellolutar/lan_sync_draft/blob/HEAD/test/sit/clean.sh
# author: hellolutar (GitHub)
# licence: not stated
# changes: the lab it cleans built first (ns0, ns1, vbridge with two veth ends); clean_local's
#   rm -rf of two local files removed.
ip netns add ns0
ip netns add ns1
ip link add vbridge type bridge
ip link add veth-0-br type veth peer name veth-0
ip link add veth-1-br type veth peer name veth-1
ip link set veth-0 netns ns0
ip link set veth-1 netns ns1
ip link set veth-0-br master vbridge
ip link set veth-1-br master vbridge
ip link set vbridge up
function clean_net() {
    sudo ip netns del ns0
    sudo ip netns del ns1
    sudo ip link set dev vbridge down
    sudo brctl delbr vbridge
    sudo ip link delete veth-0-br
    sudo ip link delete veth-1-br
}
function clean() {
    clean_net
}
clean
ip link
