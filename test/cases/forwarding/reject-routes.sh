#!/bin/bash
# Reject routes. At the sender, connect() fails: blackhole EINVAL, unreachable EHOSTUNREACH,
# prohibit EACCES (ping then asks about broadcast). At a router the packet is dropped (blackhole)
# or answered with an ICMP error (unreachable: host unreachable; prohibit: packet filtered).
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
ip netns exec A ip route add blackhole 10.0.7.0/24
ip netns exec A ip route add unreachable 10.0.8.0/24
ip netns exec A ip route add prohibit 10.0.9.0/24
ip netns exec R ip route add blackhole 10.0.17.0/24
ip netns exec R ip route add unreachable 10.0.18.0/24
ip netns exec R ip route add prohibit 10.0.19.0/24
ip netns exec A ping -c 1 -W 1 10.0.7.1
ip netns exec A ping -c 1 -W 1 10.0.8.1
ip netns exec A ping -c 1 -W 1 10.0.9.1
ip netns exec A ping -c 1 -W 1 10.0.17.1
ip netns exec A ping -c 1 -W 1 10.0.18.1
ip netns exec A ping -c 1 -W 1 10.0.19.1
