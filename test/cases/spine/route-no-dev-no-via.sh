# A route with neither device nor gateway, and argument orders iproute2 does or does not take.
ip link add veth0 type veth peer name veth1
ip addr add 10.0.0.1/24 dev veth0
ip link set veth0 up
ip route add 10.40.0.0/16
ip route add dev veth0 10.41.0.0/16
ip route add via 10.0.0.2 10.42.0.0/16
ip route add 10.0.0.2 via 10.43.0.0/16
ip route add 10.44.0.0/16 veth0
ip route add 10.45.0.0/16 gw 10.0.0.2
ip route
