#!/bin/bash
# corpus: course lab verify script: ping across a router namespace, show each namespace's routes
# source: https://github.com/IgnazioDS/mscs-playbook/blob/HEAD/modules/02-network-systems/03-implementations/lab-01-namespaces-routing/scripts/verify.sh
# author: IgnazioDS (GitHub)
# licence: not stated
# changes: the lab's setup (another script of the lab, not stored) written first: ns1 -
#   router - ns2 on 10.0.1.0/24 and 10.0.2.0/24 with default routes and forwarding.
ip netns add ns1
ip netns add ns2
ip netns add router
ip link add v1 type veth peer name r1 netns router
ip link add v2 type veth peer name r2 netns router
ip link set v1 netns ns1
ip link set v2 netns ns2
ip -n ns1 addr add 10.0.1.2/24 dev v1
ip -n ns2 addr add 10.0.2.2/24 dev v2
ip -n router addr add 10.0.1.1/24 dev r1
ip -n router addr add 10.0.2.1/24 dev r2
ip -n ns1 link set v1 up
ip -n ns2 link set v2 up
ip -n router link set r1 up
ip -n router link set r2 up
ip -n ns1 route add default via 10.0.1.1
ip -n ns2 route add default via 10.0.2.1
ip netns exec router sysctl -w net.ipv4.ip_forward=1
set -euo pipefail
NS1="ns1"
NS2="ns2"
sudo ip netns exec "$NS1" ping -c 2 10.0.2.2
sudo ip -n "$NS1" route
sudo ip -n "$NS2" route
