# Commands aimed at a device that is not there (eth0 on a machine that names it otherwise).
ip link set eth0 up
ip link set dev eth0 down
ip addr add 192.168.1.10/24 dev eth0
ip addr show eth0
ip addr show dev eth0
ip link show eth0
ip route add 10.0.0.0/8 dev eth0
ip route add default via 192.168.1.1 dev eth0
ip link del eth0
ip link set eth0 master br0
