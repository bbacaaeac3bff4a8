# A VLAN-aware bridge: a and b are access ports of VLAN 10 (PVID, egress untagged), c of VLAN
# 20, all in one subnet; d is a trunk carrying 10 and 20 tagged, to VLAN sub-interfaces d0.10
# and d0.20. a reaches b and d's VLAN 10 address, never c; c reaches d's VLAN 20 address.
# Moving b to VLAN 20 (its PVID changes) puts it with c; removing VLAN 20 from the trunk
# cuts d0.20 off; a frame in a VLAN the ingress port lacks is dropped (d0.30).
ip netns add a
ip netns add b
ip netns add c
ip netns add d
ip link add br0 type bridge vlan_filtering 1
ip link set br0 up
ip link add pa type veth peer name e0 netns a
ip link add pb type veth peer name e0 netns b
ip link add pc type veth peer name e0 netns c
ip link add pd type veth peer name e0 netns d
ip link set pa master br0
ip link set pb master br0
ip link set pc master br0
ip link set pd master br0
ip link set pa up
ip link set pb up
ip link set pc up
ip link set pd up
bridge vlan add dev pa vid 10 pvid untagged
bridge vlan add dev pb vid 10 pvid untagged
bridge vlan add dev pc vid 20 pvid untagged
bridge vlan del dev pa vid 1
bridge vlan del dev pb vid 1
bridge vlan del dev pc vid 1
bridge vlan add dev pd vid 10
bridge vlan add dev pd vid 20
bridge vlan show
ip -n a addr add 10.0.0.1/24 dev e0
ip -n b addr add 10.0.0.2/24 dev e0
ip -n c addr add 10.0.0.3/24 dev e0
ip -n a link set e0 up
ip -n b link set e0 up
ip -n c link set e0 up
ip -n d link set e0 up
ip -n d link add link e0 name e0.10 type vlan id 10
ip -n d link add link e0 name e0.20 type vlan id 20
ip -n d link add link e0 name e0.30 type vlan id 30
ip -n d addr add 10.0.0.4/24 dev e0.10
ip -n d addr add 10.0.0.5/24 dev e0.20
ip -n d addr add 10.0.30.4/24 dev e0.30
ip -n d link set e0.10 up
ip -n d link set e0.20 up
ip -n d link set e0.30 up
ip netns exec a ping -c 1 -W 1 10.0.0.2
ip netns exec a ping -c 1 -W 1 10.0.0.4
ip netns exec a ping -c 1 -W 1 10.0.0.3
ip netns exec c ping -c 1 -W 1 10.0.0.5
ip netns exec c ping -c 1 -W 1 10.0.0.1
ip netns exec d ping -c 1 -W 1 -I e0.30 10.0.30.1
bridge vlan add dev pb vid 20 pvid untagged
bridge vlan del dev pb vid 10
ip -n b neigh flush dev e0
ip -n c neigh flush dev e0
ip netns exec b ping -c 1 -W 1 10.0.0.3
ip netns exec b ping -c 1 -W 1 10.0.0.1
bridge vlan del dev pd vid 20
ip -n c neigh flush dev e0
ip netns exec c ping -c 1 -W 1 10.0.0.5
ip netns exec a ping -c 1 -W 1 10.0.0.4
