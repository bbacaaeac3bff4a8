# Two namespaces joined by a veth underlay, each with a Geneve device towards the other: the
# overlay's addresses reach each other through UDP port 6081 on the underlay.
ip netns add a
ip netns add b
ip link add ua netns a type veth peer name ub netns b
ip -n a addr add 192.168.0.1/24 dev ua
ip -n b addr add 192.168.0.2/24 dev ub
ip -n a link set ua up
ip -n b link set ub up
ip -n a link add gnv0 type geneve id 42 remote 192.168.0.2
ip -n b link add gnv0 type geneve id 42 remote 192.168.0.1
ip -n a addr add 10.42.0.1/24 dev gnv0
ip -n b addr add 10.42.0.2/24 dev gnv0
ip -n a link set gnv0 up
ip -n b link set gnv0 up
ip netns exec a ping -c 2 -i 0.2 -W 1 10.42.0.2
ip -n a neigh show dev gnv0
ip -n b link set gnv0 down
ip netns exec a ping -c 1 -W 1 10.42.0.2
ip -n b link set gnv0 up
ip -n b link add gnv1 type geneve id 43 remote 192.168.0.1
ip -n b link del gnv0
ip -n b link set gnv1 up
ip -n b addr add 10.42.0.2/24 dev gnv1
ip netns exec a ping -c 1 -W 1 10.42.0.2
