# Trying to nest one bridge in another, and to make a bridge its own master.
ip link add br-outer type bridge
ip link add br-inner type bridge
ip link set br-inner master br-outer
ip link set br-outer master br-outer
ip link add veth0 type veth peer name veth1
ip link set veth0 master br-inner
ip link set veth0 master br-outer
ip link show master br-inner
ip link show master br-outer
