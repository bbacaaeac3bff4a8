#!/bin/bash
# MTU and path MTU discovery through a router: b's side has MTU 1400. A probe that fits goes
# through; a larger one with DF (ping's default, -M want) is refused by the router with
# "Frag needed and DF set (mtu = 1400)" (ip_forward), and a learns the path MTU for 10.2.0.2
# (__ip_rt_update_pmtu): `ip route get` shows it with its expiry (masked: it counts down).
# Then a fragments its probes to that MTU itself; -M do fails locally ("message too long");
# -M dont sends without DF and the router fragments. b's replies are larger than its MTU and
# are fragmented by b. A link MTU below 552 is learned as 552, locked: probes then go without
# DF and the router cuts them again.
sysctl -w net.ipv4.ip_forward=1
ip netns add a
ip netns add b
ip netns add c
ip link add va type veth peer name eth0 netns a
ip link add vb type veth peer name eth0 netns b
ip link add vc type veth peer name eth0 netns c
ip link set va up
ip link set vb up
ip link set vc up
ip addr add 10.1.0.1/24 dev va
ip addr add 10.2.0.1/24 dev vb
ip addr add 10.3.0.1/24 dev vc
for n in a b c; do ip -n $n link set lo up; ip -n $n link set eth0 up; done
ip -n a addr add 10.1.0.2/24 dev eth0
ip -n b addr add 10.2.0.2/24 dev eth0
ip -n c addr add 10.3.0.2/24 dev eth0
ip -n a route add default via 10.1.0.1
ip -n b route add default via 10.2.0.1
ip -n c route add default via 10.3.0.1
ip link set vb mtu 1400
ip -n b link set eth0 mtu 1400
ip link show vb
ip netns exec a ping -c 1 -W 1 -s 1372 10.2.0.2
ip -n a route get 10.2.0.2
ip netns exec a ping -c 1 -W 1 -s 1373 10.2.0.2
ip -n a route get 10.2.0.2
ip -n a -j route get 10.2.0.2
ip -n a route get 10.2.0.2 from 10.1.0.2
ip -n a route get 10.1.0.1
ip netns exec a ping -c 2 -i 0.2 -W 1 -s 1400 10.2.0.2
ip netns exec a ping -c 2 -i 0.2 -W 1 -s 1400 -M do 10.2.0.2
ip netns exec a ping -c 1 -W 1 -s 1372 -M do 10.2.0.2
ip netns exec a ping -c 1 -W 1 -s 3000 -M want 10.2.0.2
ip netns exec a ping -c 1 -W 1 -s 1473 -M do 10.1.0.1
ip netns exec a ping -c 1 -W 1 -s 1472 -M do 10.1.0.1
ip netns exec a ping -c 1 -W 1 -s 2000 10.1.0.1
ip netns exec c ping -c 1 -W 1 -s 1400 -M dont 10.2.0.2
ip netns exec c ping -c 1 -W 1 -s 4000 -M dont 10.2.0.2
ip -n c route get 10.2.0.2
ip netns exec b ping -c 1 -W 1 -s 1400 10.3.0.2
ip -n b route get 10.3.0.2
ip netns exec a ping -c 1 -W 1 -M probe 10.2.0.2
ip netns exec a ping -c 1 -W 1 -M maybe 10.2.0.2
ip link set vc mtu 500
ip -n c link set eth0 mtu 500
ip netns exec a ping -c 1 -W 1 -s 1000 10.3.0.2
ip -n a route get 10.3.0.2
ip netns exec a ping -c 1 -W 1 -s 1000 10.3.0.2
ip netns exec a ping -c 1 -W 1 -s 1000 -M do 10.3.0.2
ip route get 10.2.0.2
