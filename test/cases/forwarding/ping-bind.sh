#!/bin/bash
# ping -I: a device (SO_BINDTODEVICE) or a source address. Binding to lo routes "on-link" out lo
# (nothing answers) with a warning about the source; an unknown device or a foreign address is
# fatal. Bound to an address with no route, every sendmsg fails silently; bound to a device with
# no route, ping ARPs on it, and the local "host unreachable" is acknowledged but not reported
# (the error arrives on lo, not on the bound device): no errors, only `pipe 2`.
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
ip netns exec A ping -c 1 -W 1 -I va 10.0.2.1
ip netns exec A ping -c 1 -W 1 -I 10.0.1.1 10.0.2.1
ip netns exec A ping -c 1 -W 1 -I lo 10.0.2.1
ip netns exec A ping -c 1 -W 1 -I nosuchdev 10.0.2.1
ip netns exec A ping -c 1 -W 1 -I 10.9.9.9 10.0.2.1
ip netns exec B ip route del default
ip netns exec B ping -c 2 -I 10.0.2.1 10.5.5.5
ip netns exec B ping -c 2 -I vb 10.5.5.5
ip netns exec B ping -c 2 10.0.2.9
