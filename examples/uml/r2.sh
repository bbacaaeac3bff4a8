ip link add d0 type dummy
ip addr add 192.0.2.2/32 dev d0
ip link set d0 up
ip route add 192.0.2.1/32 via 10.0.0.1
