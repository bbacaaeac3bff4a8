# A VXLAN port with `proxy` (ARP suppression, as Docker's overlay sets it): the bridge floods a
# container's ARP request to the VXLAN device, which never sends it over the tunnel; it answers
# from its own neighbour table, or not at all. The far end knows the container statically.
ip netns add u1
ip netns add u2
ip netns add c1
ip link add e1 netns u1 type veth peer name e2 netns u2
ip -n u1 addr add 192.168.1.1/24 dev e1
ip -n u2 addr add 192.168.1.2/24 dev e2
ip -n u1 link set e1 up
ip -n u2 link set e2 up
ip -n u1 link add br0 type bridge
ip -n u1 link set br0 up
ip -n u1 link add vx0 type vxlan id 42 remote 192.168.1.2 dstport 4789 dev e1 proxy l2miss l3miss
ip -n u1 link set vx0 master br0
ip -n u1 link set vx0 up
ip -n u1 -d link show vx0 | grep -o 'proxy l2miss l3miss'
ip link add c1-eth0 netns c1 address 02:00:00:00:00:01 type veth peer name u1-c1 netns u1
ip -n u1 link set u1-c1 master br0
ip -n u1 link set u1-c1 up
ip -n c1 addr add 10.0.0.1/24 dev c1-eth0
ip -n c1 link set c1-eth0 up
ip -n u2 link add vx0 address 02:00:00:00:00:02 type vxlan id 42 remote 192.168.1.1 dstport 4789 dev e2
ip -n u2 addr add 10.0.0.2/24 dev vx0
ip -n u2 link set vx0 up
ip -n u2 neigh add 10.0.0.1 lladdr 02:00:00:00:00:01 dev vx0 nud permanent
ip netns exec c1 ping -c 1 -W 1 10.0.0.2
# c1's unanswered entry fails after its third probe: the next ping asks again at once
sleep 3
ip -n u1 neigh add 10.0.0.2 lladdr 02:00:00:00:00:02 dev vx0 nud permanent
ip netns exec c1 ping -c 2 -i 0.2 10.0.0.2
ip -n c1 neigh show 10.0.0.2
ip -n u2 neigh show dev vx0
ip -n u1 link add vx1 type vxlan id 43 dstport 4789 noproxy nol2miss
ip -n u1 -d link show vx1 | grep -c proxy
