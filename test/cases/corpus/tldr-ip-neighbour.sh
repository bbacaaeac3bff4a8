#!/bin/bash
# corpus: the tldr page of ip neighbour, each example once
# source: https://github.com/tldr-pages/tldr/blob/HEAD/pages/linux/ip-neighbour.md
# author: tldr-pages contributors
# licence: CC-BY-4.0 (repository)
# changes: the placeholders filled in (eth0 a veth made first, 192.168.1.2, 12:34:56:78:9a:bc);
#   the add|del and change|replace alternatives each run.
ip link add eth0 type veth peer name eth0-peer
ip addr add 192.168.1.1/24 dev eth0
ip link set eth0 up
ip neighbour
sudo ip neighbour add 192.168.1.2 lladdr 12:34:56:78:9a:bc dev eth0 nud reachable
ip neighbour
sudo ip neighbour change 192.168.1.2 lladdr 12:34:56:78:9a:bd dev eth0
sudo ip neighbour replace 192.168.1.3 lladdr 12:34:56:78:9a:be dev eth0
ip neighbour get 192.168.1.2 dev eth0
sudo ip neighbour del 192.168.1.2 lladdr 12:34:56:78:9a:bd dev eth0 nud reachable
sudo ip neighbour flush dev eth0
ip neighbour
