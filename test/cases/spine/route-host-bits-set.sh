# A destination with host bits set, as when an interface address is pasted as a route.
ip link add veth0 type veth peer name veth1
ip addr add 10.0.0.1/24 dev veth0
ip link set veth0 up
ip route add 10.20.30.40/24 via 10.0.0.2
ip route add 10.20.30.0/24 via 10.0.0.2
ip route add 10.20.31.40 via 10.0.0.2
ip route add 10.20.32.0/33 via 10.0.0.2
ip route
