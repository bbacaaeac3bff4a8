#!/bin/bash
# Adapted from "Container Networking Is Simple!" (Ivan Velichko),
# https://iximiuz.com/en/posts/container-networking-is-simple/ — two "containers" on a bridge,
# a server in one (python3 -m http.server --bind), curl from the other and from the host, then
# the port published on the host's address with DNAT (OUTPUT for the host's own traffic,
# PREROUTING for others'). curl gets -s (the progress meter follows the wall clock).
ip netns add netns0
ip netns add netns1
ip link add veth0 type veth peer name ceth0
ip link set ceth0 netns netns0
ip link add veth1 type veth peer name ceth1
ip link set ceth1 netns netns1
ip link add br0 type bridge
ip link set br0 up
ip link set veth0 master br0
ip link set veth1 master br0
ip link set veth0 up
ip link set veth1 up
ip addr add 172.18.0.1/16 dev br0
ip netns exec netns0 ip link set lo up
ip netns exec netns0 ip link set ceth0 up
ip netns exec netns0 ip addr add 172.18.0.10/16 dev ceth0
ip netns exec netns0 ip route add default via 172.18.0.1
ip netns exec netns1 ip link set lo up
ip netns exec netns1 ip link set ceth1 up
ip netns exec netns1 ip addr add 172.18.0.20/16 dev ceth1
ip netns exec netns1 ip route add default via 172.18.0.1
ip netns exec netns0 python3 -m http.server --bind 172.18.0.10 5000 &
ip netns exec netns1 curl -s -o /dev/null -w '%{http_code}\n' 172.18.0.10:5000
curl -s 172.18.0.10:5000
ip addr add 10.0.2.15/24 dev lo
curl -s -m 1 -w '%{http_code}\n' 10.0.2.15:5000
echo "status $?"
iptables -t nat -A OUTPUT -d 10.0.2.15 -p tcp -m tcp --dport 5000 -j DNAT --to-destination 172.18.0.10:5000
curl -s -m 2 -o /dev/null -w '%{http_code}\n' 10.0.2.15:5000
echo "status $?"
