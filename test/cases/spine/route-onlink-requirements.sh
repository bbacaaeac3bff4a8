# onlink skips the gateway check but still needs a device, and that device up.
ip link add veth0 type veth peer name veth1
ip route add 10.99.0.0/16 via 172.31.0.1 onlink
ip route add 10.99.0.0/16 via 172.31.0.1 dev veth0 onlink
ip link set veth0 up
ip route add 10.99.0.0/16 via 172.31.0.1 dev veth0 onlink
ip route
ip -j route
ip link set veth1 up
ip route
