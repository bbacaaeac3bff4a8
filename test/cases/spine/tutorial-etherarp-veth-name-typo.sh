# Adapted from https://etherarp.net/connecting-network-namespaces-with-veth/index.html
# (Connecting network namespaces with veth). The post creates veth1_left/veth1_right but then
# configures veth0_left/veth0_right: kept as written, so those commands meet no such device.
ip netns add foo
ip netns add bar

# Defining a veth pair
ip link add veth1_left type veth peer veth1_right;

# Create a bridge interface on the system
ip link add bridge0 type bridge;
ip link set bridge0 up;
ip addr add 10.13.37.1/24 dev bridge0;

# Attach the left veth interface to the bridge
ip link set veth0_left master bridge0 up ;

# Attach the right veth interface to the network namespace
ip link set dev veth0_right netns foo;

# Bring up the right interface inside the namespace
ip netns exec foo ip link set veth0_right name eth0;
ip netns exec foo ip link set dev eth0 up;
ip netns exec foo ip addr add 10.13.37.2/24 dev eth0;
ip -br link
