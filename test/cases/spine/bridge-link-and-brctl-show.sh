# The different ways of listing bridge ports.
ip link add br0 type bridge
ip link add br1 type bridge
ip link add veth0 type veth peer name veth1
ip link add veth2 type veth peer name veth3
ip link set veth0 master br0
ip link set veth2 master br0
ip link set veth1 master br1
ip link set br0 up
ip link set veth0 up
ip link set veth1 up
bridge link
bridge link show dev veth0
bridge -j link
brctl show
brctl show br1
ip link show master br0
ip -d link show veth1
