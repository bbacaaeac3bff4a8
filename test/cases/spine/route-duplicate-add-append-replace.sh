# The same route twice: add fails, append keeps both, replace overwrites.
ip link add veth0 type veth peer name veth1
ip addr add 10.0.0.1/24 dev veth0
ip link set veth0 up
ip link set veth1 up
ip route add 10.50.0.0/16 via 10.0.0.2
ip route add 10.50.0.0/16 via 10.0.0.3
ip route add 10.50.0.0/16 via 10.0.0.2 metric 10
ip route append 10.50.0.0/16 via 10.0.0.3
ip route
ip route replace 10.50.0.0/16 via 10.0.0.4
ip route
ip route add default via 10.0.0.254
ip route add default via 10.0.0.253
ip route replace default via 10.0.0.253
ip route change default via 10.0.0.252
ip route change 10.60.0.0/16 via 10.0.0.2
ip route
