# Two default routes told apart by metric, and removing the preferred one.
ip link add veth0 type veth peer name veth1
ip link add veth2 type veth peer name veth3
ip addr add 10.0.0.1/24 dev veth0
ip addr add 10.0.1.1/24 dev veth2
ip link set veth0 up
ip link set veth1 up
ip link set veth2 up
ip link set veth3 up
ip route add default via 10.0.0.254 metric 100
ip route add default via 10.0.1.254 metric 50
ip route add default via 10.0.1.254 metric 50
ip route
ip route show default
ip route del default via 10.0.1.254 metric 50
ip route del default metric 50
ip route
