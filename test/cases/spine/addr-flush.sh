# ip addr flush removes every address of a device (and the routes that go with them).
ip link add veth0 type veth peer name veth1
ip link set veth0 up
ip link set veth1 up
ip addr add 10.7.0.1/24 dev veth0
ip addr add 10.7.1.1/24 dev veth0
ip addr add 10.7.0.9/24 dev veth0
ip route add 10.8.0.0/16 via 10.7.0.254
ip route
ip addr flush dev veth0
ip addr show veth0
ip route
ip addr flush dev veth7
