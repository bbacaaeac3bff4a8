#!/bin/bash
# (Recorded comparison only: the token buckets carry across pings, so how much wall time passes
# between commands on the kernel decides the last line; under load that varies.)
# ICMP error rate limits at a router (icmp_ratelimit=1000 ms, burst 6; ip_error's own bucket
# shares the same per-destination tokens): 10 probes 200 ms apart that die at the router get
# 7 "Time to live exceeded" (burst, then one per second); "Destination Net Unreachable" only 2,
# because ip_error and icmp_send both take a token. An ARP failure at the router reports the
# three queued probes at once; the fourth arrives just after the failure and is reported 3 s
# later. The buckets belong to the router and persist across pings.
ip netns add A
ip netns add R
ip netns add B
ip link add va type veth peer name ra
ip link add vb type veth peer name rb
ip link set va netns A
ip link set ra netns R
ip link set vb netns B
ip link set rb netns R
ip netns exec A ip link set lo up
ip netns exec R ip link set lo up
ip netns exec B ip link set lo up
ip netns exec A ip addr add 10.0.1.1/24 dev va
ip netns exec R ip addr add 10.0.1.254/24 dev ra
ip netns exec R ip addr add 10.0.2.254/24 dev rb
ip netns exec B ip addr add 10.0.2.1/24 dev vb
ip netns exec A ip link set va up
ip netns exec R ip link set ra up
ip netns exec R ip link set rb up
ip netns exec B ip link set vb up
ip netns exec A ip route add default via 10.0.1.254
ip netns exec B ip route add default via 10.0.2.254
ip netns exec R sysctl -w net.ipv4.ip_forward=1
ip netns exec A ping -c 10 -i 0.2 -t 1 10.0.2.1
ip netns exec B ping -c 10 -i 0.2 10.0.9.9
ip netns exec A ping -c 4 10.0.2.8
ip netns exec A ping -c 3 -i 0.2 -t 1 10.0.2.1
