# A bridge's state as ports come and go: no ports (UNKNOWN), a port without carrier
# (NO-CARRIER, DOWN), a port with carrier (UP), all ports gone again.
ip link add br0 type bridge
ip link show br0
ip link set br0 up
ip link show br0
ip link add veth0 type veth peer name veth1
ip link set veth0 master br0
ip link show br0
ip link set veth0 up
ip link set veth1 up
ip link show br0
ip link set veth0 nomaster
ip link show br0
ip -br link show type bridge
