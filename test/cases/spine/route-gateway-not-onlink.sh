# A gateway outside every connected subnet: refused unless "onlink" is said.
ip netns add ns1
ip link add veth0 type veth peer name veth1
ip link set veth1 netns ns1
ip -n ns1 addr add 10.0.1.2/24 dev veth1
ip -n ns1 link set veth1 up
ip -n ns1 route add default via 10.0.2.1
ip -n ns1 route add default via 10.0.2.1 dev veth1
ip -n ns1 route add 192.168.0.0/16 via 10.0.1.1 dev lo
ip -n ns1 route add default via 10.0.2.1 dev veth1 onlink
ip -n ns1 route
