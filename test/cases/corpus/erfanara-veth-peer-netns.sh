#!/bin/bash
# corpus: slides: a veth pair created with each end straight in its namespace
# source: https://slides.com/erfanara/net_in_linux/fullscreen
# author: Erfan Ara (slides.com/erfanara)
# licence: not stated
# changes: addresses, link up and a ping (-c 1) appended.
ip netns add netns1
ip netns add netns2
ip link add veth1 netns netns1 type veth peer name veth2 netns netns2
ip -n netns1 link
ip -n netns1 addr add 172.16.0.1/30 dev veth1
ip -n netns2 addr add 172.16.0.2/30 dev veth2
ip -n netns1 link set veth1 up
ip -n netns2 link set veth2 up
ip netns exec netns1 ping -c 1 172.16.0.2
