#!/bin/bash
# corpus: Docker connectivity lab, problem 5: drop outgoing ICMP inside a container
# source: https://github.com/pablopedernera0/docker-connectivity-lab/blob/HEAD/problema-5.sh
# author: pablopedernera0 (GitHub)
# licence: not stated
# changes: the container replaced by a namespace "firewall-test" on a veth (docker run, apk
#   removed; docker exec replaced by ip netns exec); a ping -c 1 before and after the rule.
ip netns add firewall-test
ip link add lab0 type veth peer name eth0 netns firewall-test
ip addr add 172.30.0.1/24 dev lab0
ip link set lab0 up
ip netns exec firewall-test ip addr add 172.30.0.2/24 dev eth0
ip netns exec firewall-test ip link set eth0 up
ip netns exec firewall-test ping -c 1 172.30.0.1
ip netns exec firewall-test iptables -A OUTPUT -p icmp -j DROP
ip netns exec firewall-test ping -c 1 172.30.0.1
