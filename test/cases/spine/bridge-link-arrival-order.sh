# bridge link lists ports in the order they arrived in the namespace (rtnl_bridge_getlink walks
# the device list), not by ifindex as ip link does: a port moved in later comes last even with a
# lower index.
ip netns add NS
ip netns exec NS ip link add name br0 type bridge
ip link add a-veth1 type veth peer name a-veth0
ip link add b-veth1 type veth peer name b-veth0
ip link set b-veth1 netns NS
ip link set a-veth1 netns NS
ip netns exec NS ip link set a-veth1 master br0
ip netns exec NS ip link set b-veth1 master br0
ip netns exec NS ip link add c-veth1 type veth peer name c-veth0
ip netns exec NS ip link set c-veth1 master br0
ip netns exec NS ip link set dev a-veth1 name z-veth1
ip netns exec NS bridge link
ip netns exec NS ip -o link show master br0
ip netns del NS
