#!/bin/bash
# corpus: first steps: a namespace, its lone loopback, bring lo up, ifconfig inside
# source: https://gitblind.noratr.app/Skyaknt/linux-tutorial/blob/master/content/network-namespaces.md
# author: Skyaknt (GitHub linux-tutorial)
# licence: not stated
# changes: prompts removed; ls -l of /var/run/netns and the interactive bash left out.
ip netns add Blue
ip netns list
ip netns exec Blue ip addr list
ip netns exec Blue ip link set dev lo up
ip netns exec Blue ip addr list
ip netns exec Blue ifconfig
