# Deleting routes that are not there (or not exactly as written).
ip link add veth0 type veth peer name veth1
ip addr add 10.0.0.1/24 dev veth0
ip link set veth0 up
ip link set veth1 up
ip route add 10.70.0.0/16 via 10.0.0.2
ip route del 10.71.0.0/16
ip route del 10.70.0.0/16 via 10.0.0.3
ip route del 10.70.0.0/24
ip route del default
ip route del 10.70.0.0/16 dev veth1
ip route del 10.70.0.0/16
ip route del 10.70.0.0/16
ip route
