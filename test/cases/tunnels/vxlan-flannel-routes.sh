# flannel's vxlan backend by hand (what k8sLab's `vxlan` backend builds): on each node a VXLAN
# device flannel.1 without learning, holding the node's pod subnet's .0 as a /32; for the other
# node a route via its flannel.1 address (onlink), that address's MAC as a permanent neighbour,
# and an FDB entry sending the MAC to the other node. Nothing is flooded, nothing learned.
ip netns add n1
ip netns add n2
ip link add e1 type veth peer name e2
ip link set e1 netns n1
ip link set e2 netns n2
ip -n n1 addr add 192.168.1.1/24 dev e1
ip -n n2 addr add 192.168.1.2/24 dev e2
ip -n n1 link set e1 up
ip -n n2 link set e2 up
ip -n n1 link add flannel.1 address 02:00:00:00:01:00 type vxlan id 1 local 192.168.1.1 dev e1 dstport 8472 nolearning
ip -n n2 link add flannel.1 address 02:00:00:00:02:00 type vxlan id 1 local 192.168.1.2 dev e2 dstport 8472 nolearning
ip -n n1 addr add 10.244.1.0/32 dev flannel.1
ip -n n2 addr add 10.244.2.0/32 dev flannel.1
ip -n n1 link set flannel.1 up
ip -n n2 link set flannel.1 up
ip -n n1 link add cni0 type bridge
ip -n n2 link add cni0 type bridge
ip -n n1 addr add 10.244.1.1/24 dev cni0
ip -n n2 addr add 10.244.2.1/24 dev cni0
ip -n n1 link set cni0 up
ip -n n2 link set cni0 up
ip -n n1 route add 10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink
ip -n n2 route add 10.244.1.0/24 via 10.244.1.0 dev flannel.1 onlink
ip -n n1 neigh add 10.244.2.0 lladdr 02:00:00:00:02:00 dev flannel.1 nud permanent
ip -n n2 neigh add 10.244.1.0 lladdr 02:00:00:00:01:00 dev flannel.1 nud permanent
ip netns exec n1 bridge fdb append 02:00:00:00:02:00 dev flannel.1 dst 192.168.1.2 self permanent
ip netns exec n2 bridge fdb append 02:00:00:00:01:00 dev flannel.1 dst 192.168.1.1 self permanent
ip -n n1 route get 10.244.2.1
ip netns exec n1 ping -c 2 -W 1 10.244.2.1
ip netns exec n2 ping -c 1 -W 1 10.244.1.1
ip netns exec n1 bridge fdb show dev flannel.1
