#!/usr/bin/env bash
# Per-device counters: `ip -s link`, `ip -s addr` and /proc/net/dev after pings across a veth pair, a bridge and
# lo. Excluded, and why: the kernel's own IPv6 chatter (router solicitations, MLD reports, DAD
# neighbour solicitations) goes out when a link comes up, at times of its own; so IPv6 is
# disabled in each namespace before any link is made, and what is left is what the pings send —
# ARP and ICMP, which the simulator counts frame by frame. The bridge is made without multicast
# snooping: with it, br0 joins the all-snoopers group 224.0.0.106 and sends its IGMPv3 reports
# (the second after a random delay of up to a second, dropped or flooded depending on whether a
# port forwards yet). `ip -s -s` is in link-stats-errors.sh.
set -e
sysctl -qw net.ipv6.conf.all.disable_ipv6=1
sysctl -qw net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
for h in h1 h2; do
  ip netns add $h
  ip netns exec $h sysctl -qw net.ipv6.conf.all.disable_ipv6=1
  ip netns exec $h sysctl -qw net.ipv6.conf.default.disable_ipv6=1
  ip -n $h link set lo up
done
ip link add v0 type veth peer name eth0 netns h1
ip addr add 10.9.0.1/24 dev v0
ip link set v0 up
ip -n h1 addr add 10.9.0.2/24 dev eth0
ip -n h1 link set eth0 up
ip link add br0 type bridge mcast_snooping 0
ip link add v1 type veth peer name eth0 netns h2
ip link set v1 master br0
ip addr add 10.8.0.1/24 dev br0
ip link set br0 up
ip link set v1 up
ip -n h2 addr add 10.8.0.2/24 dev eth0
ip -n h2 link set eth0 up
ip -s link show v0
ping -c 3 -i 0.2 -q 10.9.0.2 | grep -c received
ping -c 2 -i 0.2 -q -s 1000 127.0.0.1 | grep -c received
ip netns exec h2 ping -c 2 -i 0.2 -s 300 -q 10.8.0.1 | grep -c received
ip -s link show v0
ip -n h1 -s link show eth0
ip -s link show lo
ip -s link show br0
ip -s -o link show v1
ip -s link show master br0
ip -n h2 -s link
cat /proc/net/dev
ip netns exec h1 cat /proc/net/dev | tail -n 1
ip -br -s link show v0
ip -s addr show v0
ip -n h2 -s -4 addr
ip -s -br addr show dev v0
ip -s -o addr show dev v0
