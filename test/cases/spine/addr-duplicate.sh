# The same address twice, on the same device and on another one.
ip link add veth0 type veth peer name veth1
ip addr add 192.168.50.1/24 dev veth0
ip addr add 192.168.50.1/24 dev veth0
ip addr add 192.168.50.1/16 dev veth0
ip addr add 192.168.50.1/24 dev veth1
ip -br addr
ip route show table local
