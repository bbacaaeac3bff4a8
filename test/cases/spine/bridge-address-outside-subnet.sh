# The seed's first mistake, alone: the bridge's address is in 172.16.1.0/24 while the
# namespace is in 172.16.0.0/24, so the default route's gateway is not on-link.
BRIDGE_IP="172.16.1.1"
NS1_IP="172.16.0.2"
ip netns add NS1
ip link add veth10 type veth peer name veth11
ip link set veth11 netns NS1
ip link add jk-br0 type bridge
ip link set dev veth10 master jk-br0
ip addr add $BRIDGE_IP/24 dev jk-br0
ip link set dev jk-br0 up
ip link set dev veth10 up
ip netns exec NS1 ip addr add $NS1_IP/24 dev veth11
ip netns exec NS1 ip link set dev veth11 up
ip netns exec NS1 ip route add default via $BRIDGE_IP dev veth11
ip netns exec NS1 ip route add default via $BRIDGE_IP
ip netns exec NS1 ip route
# the fix: an address in the namespaces' subnet
ip addr add 172.16.0.1/24 dev jk-br0
ip netns exec NS1 ip route add default via 172.16.0.1 dev veth11
ip netns exec NS1 ip route
