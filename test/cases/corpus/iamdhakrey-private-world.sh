#!/bin/bash
# corpus: a new namespace has only lo and no routes
# source: https://blogs.iamdhakrey.dev/blog/linux-advanced-networking-vlans-bridges-namespaces
# author: Hrithik Dhakrey (blogs.iamdhakrey.dev)
# licence: not stated
# changes: the interactive shell in the namespace replaced by ip netns exec per command.
ip addr show
sudo ip netns add my_private_world
sudo ip netns exec my_private_world ip addr show
sudo ip netns exec my_private_world ip route show
