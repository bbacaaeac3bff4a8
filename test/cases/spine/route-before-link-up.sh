# Routes added in the wrong order: before the address, before the link is up.
ip netns add ns1
ip link add veth0 type veth peer name veth1
ip link set veth1 netns ns1
ip -n ns1 route add default via 10.0.0.1
ip -n ns1 addr add 10.0.0.2/24 dev veth1
ip -n ns1 route add default via 10.0.0.1
ip -n ns1 route add 10.1.0.0/24 dev veth1
ip -n ns1 link set veth1 up
ip -n ns1 route add default via 10.0.0.1
ip -n ns1 route add 10.1.0.0/24 dev veth1
ip -n ns1 route
