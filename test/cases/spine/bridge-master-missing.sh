# Enslaving to a bridge before creating it, or under a misspelled name.
ip link add veth0 type veth peer name veth1
ip link set veth0 master br0
ip link add br0 type bridge
ip link set veth0 master bro
ip link set veth0 master br0
ip link set veth1 master veth0
ip link show veth0
