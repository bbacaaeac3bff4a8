# 802.1Q and 802.1ad sub-interfaces on a veth: made, shown (-d and -j, as iproute2 6.1 prints
# them), their flags set and changed, and the kernel's refusals in its own words ("8021q: …").
ip link add veth0 type veth peer name veth1
ip link add link veth0 name veth0.10 type vlan id 10
ip link show veth0.10
ip -d link show veth0.10
ip -j -d link show veth0.10
ip link add link veth0 name veth0.20 type vlan proto 802.1ad id 20
ip -d link show veth0.20
ip link add link veth0 name v30 type vlan id 30 reorder_hdr off gvrp on loose_binding on
ip -d link show v30
ip link add link veth0 name vX type vlan id 4 reorder_hdr on gvrp off mvrp on bridge_binding on
ip -j -d link show vX
ip link set vX type vlan reorder_hdr off loose_binding on
ip -d link show vX
ip link set veth0.10 type vlan id 11
ip -d link show veth0.10
ip link add link veth0 type vlan id 77
ip link add link veth0 name veth0.0 type vlan id 0
ip link add link veth0 name veth0.4094 type vlan id 4094
ip link add link veth0 name vbad type vlan id 10
ip link add link veth0 name vbad type vlan id 4095
ip link add link veth0 name vbad type vlan id 5000
ip link add name vbad type vlan id 5
ip link add link lo name vbad type vlan id 5
ip link add link veth0 name vbad type vlan
ip link add link veth0 name vbad type vlan id 7 proto foo
ip link add link veth0 name vbad type vlan id abc
ip link add link veth0 name vbad type vlan id 3 reorder_hdr maybe
ip link add link veth0 name vbad type vlan id 3 bogus
ip link add link veth0 name vbad type vlan help
ip link show type vlan
ip link del veth0.20
ip link del veth0
ip link show
