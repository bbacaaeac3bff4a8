# The seed's TO_BRIDGE_IP="172.16.1.0/24": a subnet used where an address is expected.
TO_BRIDGE_SUBNET="172.16.1.0/24"
TO_BRIDGE_IP="172.16.1.0/24"
ip link add veth0 type veth peer name veth1
ip addr add 172.16.0.1/24 dev veth0
ip link set veth0 up
ip link set veth1 up
ip route add $TO_BRIDGE_SUBNET via $TO_BRIDGE_IP
ip route add $TO_BRIDGE_SUBNET via 172.16.0.0/24 dev veth0
# a network address is a valid interface address, just an unusual one
ip addr add $TO_BRIDGE_IP dev veth1
ip addr show veth1
ip route
