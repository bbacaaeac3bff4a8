# The bridge's own stack on a VLAN-aware bridge: its address on the bridge device belongs to
# its PVID (VLAN 1 at first, then VLAN 10 once `bridge vlan add … pvid untagged self` moves
# it), and a VLAN device on the bridge (br0.20) sends and takes VLAN 20 tagged, which needs
# VLAN 20 on the bridge itself (self) as well as on the port. Turning vlan_filtering off
# makes the bridge forward everything again.
ip netns add a
ip netns add c
ip link add br0 type bridge vlan_filtering 1
ip link set br0 up
ip link add pa type veth peer name e0 netns a
ip link add pc type veth peer name e0 netns c
ip link set pa master br0
ip link set pc master br0
ip link set pa up
ip link set pc up
bridge vlan add dev pa vid 10 pvid untagged
bridge vlan add dev pc vid 20 pvid untagged
ip addr add 10.0.10.254/24 dev br0
ip link add link br0 name br0.20 type vlan id 20
ip addr add 10.0.20.254/24 dev br0.20
ip link set br0.20 up
ip -n a addr add 10.0.10.1/24 dev e0
ip -n c addr add 10.0.20.1/24 dev e0
ip -n a link set e0 up
ip -n c link set e0 up
ip netns exec a ping -c 1 -W 1 10.0.10.254
ip netns exec c ping -c 1 -W 1 10.0.20.254
bridge vlan add dev br0 vid 10 pvid untagged self
bridge vlan add dev br0 vid 20 self
bridge vlan show
ip -n a neigh flush dev e0
ip netns exec a ping -c 1 -W 1 10.0.10.254
ip netns exec c ping -c 1 -W 1 10.0.20.254
bridge vlan del dev br0 vid 20 self
ip -n c neigh flush dev e0
ip netns exec c ping -c 1 -W 1 10.0.20.254
ip link set br0 type bridge vlan_filtering 0
ip -n c neigh flush dev e0
ip netns exec c ping -c 1 -W 1 10.0.20.254
