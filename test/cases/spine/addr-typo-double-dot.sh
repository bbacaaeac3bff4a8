# The seed's typo (172.16.1..2) and its cousins, in addr, route and gateway positions.
TO_NS1_IP="172.16.1..2"
ip link add veth0 type veth peer name veth1
ip addr add $TO_NS1_IP/24 dev veth0
ip addr add 172.16.1.256/24 dev veth0
ip addr add 172.16.1/24 dev veth0
ip addr add 172.16.1.2/33 dev veth0
ip addr add 172.16.1.2/24 dev veth0
ip link set veth0 up
ip route add 10.0.0.0/8 via $TO_NS1_IP
ip route add $TO_NS1_IP dev veth0
ip -br addr show veth0
ip route
