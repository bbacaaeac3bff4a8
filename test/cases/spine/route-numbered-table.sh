# Routes in a table of their own: invisible to plain "ip route".
ip link add veth0 type veth peer name veth1
ip addr add 10.0.0.1/24 dev veth0
ip link set veth0 up
ip link set veth1 up
ip route show table 100
ip route add default via 10.0.0.254 table 100
ip route add 10.0.0.0/24 dev veth0 table 100
ip route add default via 10.0.0.254 table 100
ip route
ip route show table 100
ip route show table all
ip route flush table 100
ip route show table 100
ip route add default via 10.0.0.254 table vpn
