#!/usr/bin/env bash
# `ip -s -s link`: the RX and TX error lines after the counters, and `transns` — the carrier
# changes of each veth end since it was made (one at creation, one each time the carrier comes
# or goes: both ends up, one end down, an end with carrier moved away). IPv6 is off, so the
# counters hold only what the pings send (see link-stats.sh).
set -e
sysctl -qw net.ipv6.conf.all.disable_ipv6=1
sysctl -qw net.ipv6.conf.default.disable_ipv6=1
ip link set lo up
ip netns add h1
ip netns add h2
for h in h1 h2; do
  ip netns exec $h sysctl -qw net.ipv6.conf.all.disable_ipv6=1
  ip netns exec $h sysctl -qw net.ipv6.conf.default.disable_ipv6=1
done
ip link add v0 type veth peer name eth0 netns h1
ip -s -s link show v0
ip -n h1 -s -s link
ip addr add 10.9.0.1/24 dev v0
ip link set v0 up
ip -s -s link show dev v0
ip -n h1 addr add 10.9.0.2/24 dev eth0
ip -n h1 link set eth0 up
ping -c 2 -i 0.2 -W 1 10.9.0.2 > /dev/null
ip -s -s link show v0
ip -n h1 -s -s link show eth0
ip -n h1 link set eth0 down
ip -n h1 link set eth0 up
ip -n h1 link set eth0 down
ip -s -s link show v0
ip -n h1 -s -s addr show dev eth0
ip -n h1 link set eth0 up
ip link add v1 type veth peer name v2
ip link set v1 up
ip link set v2 up
ip link set v2 netns h2
ip -s -s link show v1
ip -n h2 -s -s link show v2
ip -n h2 link set v2 up
ip -n h2 -s -s link
ip -s -s link
ip -s -s -o link show lo
