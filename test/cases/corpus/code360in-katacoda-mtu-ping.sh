#!/bin/bash
# corpus: MTU lesson: find the MTU with grep/awk, ping with DF set below, at and above it, change the MTU
# source: https://github.com/Code360In/katacoda-scenarios-16/blob/HEAD/iperf3-docker/step2.md
# author: Code360In (GitHub)
# licence: not stated
# changes: the Docker container replaced by a namespace "server" behind a veth (eth0 in it,
#   10.0.0.2); docker exec replaced by ip netns exec; ping counts lowered to 1; tcpdump left out.
ip netns add server
ip link add veth-host type veth peer name eth0 netns server
ip addr add 10.0.0.1/24 dev veth-host
ip link set veth-host up
ip netns exec server ip addr add 10.0.0.2/24 dev eth0
ip netns exec server ip link set eth0 up
ip=10.0.0.2
ip netns exec server ip l | grep eth0 | awk '{print $4,$5}'
ping -M do -s 1501 -c 1 $ip
ping -M do -s 118972 -c 1 $ip
ping -M do -s 1472 -c 1 $ip
ping -M do -s 1474 -c 1 $ip
ip netns exec server ip link set eth0 mtu 4000
ip netns exec server ip l | grep eth0 | awk '{print $4,$5}'
