# Bringing a link down deletes every route through it; up restores only the kernel's own.
ip link add veth0 type veth peer name veth1
ip addr add 10.0.0.1/24 dev veth0
ip link set veth0 up
ip link set veth1 up
ip route add default via 10.0.0.254
ip route add 10.30.0.0/16 dev veth0
ip route add 10.31.0.0/16 via 10.0.0.2 dev veth0 metric 5
ip route
ip link set veth0 down
ip route
ip link set veth0 up
ip route
ip link set veth1 down
ip route
