#!/usr/bin/env bash
# jq on the tools' JSON, as scripts read names, addresses and gateways out of `ip -j`: the
# listing is the kernel's (or the simulator's), jq runs in-process in both modes (held against
# Debian's jq 1.6 in test/unit/shell/jq-compare.test.ts).
set -e
ip netns add h1
ip netns add h2
ip -n h1 link set lo up
ip link add v1 netns h1 type veth peer name v2 netns h2
ip -n h1 addr add 10.9.0.1/24 dev v1
ip -n h2 addr add 10.9.0.2/24 dev v2
ip -n h1 link set v1 up
ip -n h2 link set v2 up
ip -n h1 route add default via 10.9.0.2
ip -n h1 -j addr show | jq -r '.[].ifname'
ip -n h1 -j addr show | jq length
ip -n h1 -j addr show dev v1 | jq -r '.[0].addr_info[] | select(.family=="inet") | "\(.local)/\(.prefixlen)"'
ip -n h1 -j route | jq '.[] | select(.dst=="default") | .gateway'
gw=$(ip -n h1 -j route | jq -r '.[] | select(.dst=="default") | .gateway')
ip netns exec h1 ping -c 1 -W 1 "$gw" | grep -c 'bytes from'
ip -n h1 -j link show | jq -c '[.[] | {name: .ifname, mtu, up: (.flags | index("UP") != null)}]'
ip -n h1 -j link show v1 | jq -r '.[0].link_netnsid // "none"'
ip -n h2 -j -4 addr | jq -e '.[] | select(.ifname == "v9")' || echo "no v9: $?"
ip -n h1 -j link show | jq --arg n v1 -e '.[] | select(.ifname == $n) | .operstate'
ip -n h1 -j neigh | jq -r '.[] | [.dst, .dev, .state[0]] | @tsv'
