# Two addresses in one subnet: the second is secondary; deleting the primary takes the
# secondary with it (promote_secondaries is 0 by default).
ip link add veth0 type veth peer name veth1
ip link set veth0 up
ip addr add 10.0.0.1/24 dev veth0
ip addr add 10.0.0.2/24 dev veth0
ip addr add 10.0.1.1/24 dev veth0
ip addr show veth0
ip route show table local
ip addr del 10.0.0.1/24 dev veth0
ip addr show veth0
ip route
# with promotion on, the secondary takes over instead
ip addr add 10.0.0.1/24 dev veth0
ip addr add 10.0.0.2/24 dev veth0
sysctl -w net.ipv4.conf.veth0.promote_secondaries=1
ip addr del 10.0.0.1/24 dev veth0
ip addr show veth0
ip route
