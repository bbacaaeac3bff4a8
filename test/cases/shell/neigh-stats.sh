#!/usr/bin/env bash
# `ip -s neigh`: the reference a pending timer holds (` ref 1` while INCOMPLETE, REACHABLE, DELAY
# or PROBE), the ages of the entry (used/confirmed/updated in whole seconds: they move with the
# time the real run takes, so a comparison masks them) and the probe count — 4 while the first
# broadcast probe is out (ucast_probes is added when resolution starts), 6 once FAILED.
ip netns add a
ip netns add b
ip link add a0 netns a type veth peer name b0 netns b
ip -n a addr add 10.5.0.1/24 dev a0
ip -n b addr add 10.5.0.2/24 dev b0
ip -n a link set a0 up
ip -n b link set b0 up
ip -n a -4 -s neigh
ip netns exec a ping -c 1 -W 1 10.5.0.2 | grep -c received
ip -n a -4 -s neigh
ip -n b -4 -s neigh show dev b0
ip netns exec a ping -c 1 -W 1 10.5.0.9 | grep -c received
ip -n a -4 -s neigh show 10.5.0.9
sleep 3
ip -n a -4 -s neigh show 10.5.0.9
ip -n a -4 -s -s neigh show dev a0 nud failed
ip -n a neigh add 10.5.0.7 lladdr 02:00:00:00:00:07 dev a0
ip -n a -4 -s neigh show 10.5.0.7
