# Creating a link whose name is taken, including the peer's name.
ip link add veth0 type veth peer name veth1
ip link add veth0 type veth peer name veth2
ip link add veth2 type veth peer name veth1
ip link add br0 type bridge
ip link add br0 type bridge
ip link add veth0 type bridge
ip -br link
