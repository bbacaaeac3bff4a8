#!/usr/bin/env bash
# Comparing two namespaces' listings with cmp, comm and diff through process substitution (the
# listings are the kernel's or the simulator's; the tools run in-process, held against the
# real tools in test/unit/shell/cmp-comm.test.ts and test/property/diff-vs-gnu.test.ts).
ip netns add h1
ip netns add h2
ip link add v1 netns h1 type veth peer name v2 netns h2
ip -n h1 link add br0 type bridge
ip -n h1 addr add 10.6.0.1/24 dev v1
ip -n h2 addr add 10.6.0.1/24 dev v2
ip -n h1 link set v1 up
ip -n h2 link set v2 up
cmp -s <(ip -n h1 -4 -o addr show | awk '{print $4}') <(ip -n h2 -4 -o addr show | awk '{print $4}') && echo "same addresses"
cmp <(ip -n h1 -o link show | awk '{print $2}' | sort) <(ip -n h2 -o link show | awk '{print $2}' | sort)
comm <(ip -n h1 -o link show | awk -F'[:@ ]+' '{print $2}' | sort) <(ip -n h2 -o link show | awk -F'[:@ ]+' '{print $2}' | sort)
comm -12 <(ip -n h1 route | sort) <(ip -n h2 route | sed 's/v2/v1/' | sort)
comm -3 <(ip -n h1 route | sort) <(ip -n h2 route | sort)
diff <(ip -n h1 -o link show | awk -F'[:@ ]+' '{print $2}') <(ip -n h2 -o link show | awk -F'[:@ ]+' '{print $2}')
diff <(ip -n h1 route) <(ip -n h2 route)
diff -q <(ip -n h1 -4 -o addr show | awk '{print $4}') <(ip -n h2 -4 -o addr show | awk '{print $4}') && echo "same addresses"
