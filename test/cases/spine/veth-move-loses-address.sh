# Moving a link into a namespace takes its addresses and routes away and sets it down.
ip netns add ns1
ip link add veth0 type veth peer name veth1
ip addr add 10.10.10.1/24 dev veth0
ip link set veth0 up
ip link set veth1 up
ip addr show veth0
ip route
ip link set veth0 netns ns1
ip route
ip netns exec ns1 ip addr show veth0
ip link show veth1
