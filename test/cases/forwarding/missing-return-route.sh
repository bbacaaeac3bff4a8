#!/bin/bash
# Two routers, but the second one has no route back to the first subnet. The echo reaches B;
# B's reply dies at R2 (its "net unreachable" goes to B, not to the pinger), so A sees silence.
# Even R2's own addresses are silent: its replies to A have no route either. Missing the forward
# route at R1 instead gives A a "Destination Net Unreachable" from R1.
ip netns add A
ip netns add R1
ip netns add R2
ip netns add B
ip link add va type veth peer name r1a
ip link add r1b type veth peer name r2a
ip link add r2b type veth peer name vb
ip link set va netns A
ip link set r1a netns R1
ip link set r1b netns R1
ip link set r2a netns R2
ip link set r2b netns R2
ip link set vb netns B
ip netns exec A ip link set lo up
ip netns exec R1 ip link set lo up
ip netns exec R2 ip link set lo up
ip netns exec B ip link set lo up
ip netns exec A ip addr add 192.0.2.1/24 dev va
ip netns exec R1 ip addr add 192.0.2.254/24 dev r1a
ip netns exec R1 ip addr add 203.0.113.1/24 dev r1b
ip netns exec R2 ip addr add 203.0.113.2/24 dev r2a
ip netns exec R2 ip addr add 198.51.100.254/24 dev r2b
ip netns exec B ip addr add 198.51.100.1/24 dev vb
ip netns exec A ip link set va up
ip netns exec R1 ip link set r1a up
ip netns exec R1 ip link set r1b up
ip netns exec R2 ip link set r2a up
ip netns exec R2 ip link set r2b up
ip netns exec B ip link set vb up
ip netns exec A ip route add default via 192.0.2.254
ip netns exec B ip route add default via 198.51.100.254
ip netns exec R1 sysctl -w net.ipv4.ip_forward=1
ip netns exec R2 sysctl -w net.ipv4.ip_forward=1
ip netns exec R1 ip route add 198.51.100.0/24 via 203.0.113.2 dev r1b
ip netns exec A ping -c 1 -W 1 198.51.100.1
ip netns exec A ping -c 1 -W 1 203.0.113.2
ip netns exec A ping -c 1 -W 1 198.51.100.254
ip netns exec R1 ip route del 198.51.100.0/24
ip netns exec A ping -c 1 -W 1 198.51.100.1
