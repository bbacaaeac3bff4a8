#!/usr/bin/env bash
# `ip -s neigh`: the reference a pending timer holds (` ref 1` while INCOMPLETE, REACHABLE, DELAY
# or PROBE), the ages of the entry (used/confirmed/updated in whole seconds: they move with the
# time the real run takes, so a comparison masks them) and the probe count — ucast_probes (3)
# plus one per broadcast probe sent, 1 s apart, 6 once FAILED.
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
# half-way between the second probe (1 s) and the third (2 s): 5 probes, whatever the run's pace
sleep 0.5
ip -n a -4 -s neigh show 10.5.0.9
sleep 2
ip -n a -4 -s neigh show 10.5.0.9
ip -n a -4 -s -s neigh show dev a0 nud failed
ip -n a neigh add 10.5.0.7 lladdr 02:00:00:00:00:07 dev a0
ip -n a -4 -s neigh show 10.5.0.7
