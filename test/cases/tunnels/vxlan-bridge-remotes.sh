# Three VTEPs, each a VXLAN device enslaved to a bridge, with no `remote`: the remotes come from
# `bridge fdb append 00:00:00:00:00:00 dev vx0 dst IP`, one per remote, and broadcasts (ARP) are
# sent to each. a knows b and c; b and c know only a. A VTEP does not relay what it received
# from one remote to another, so b cannot reach c through a.
ip link add under type bridge
ip link set under up
ip netns add a
ip netns add b
ip netns add c
ip link add ua type veth peer name pa
ip link add ub type veth peer name pb
ip link add uc type veth peer name pc
ip link set pa master under
ip link set pa up
ip link set ua netns a
ip -n a link set ua up
ip link set pb master under
ip link set pb up
ip link set ub netns b
ip -n b link set ub up
ip link set pc master under
ip link set pc up
ip link set uc netns c
ip -n c link set uc up
ip -n a addr add 192.168.0.1/24 dev ua
ip -n b addr add 192.168.0.2/24 dev ub
ip -n c addr add 192.168.0.3/24 dev uc
ip -n a link add vx0 type vxlan id 100 dstport 4789 dev ua
ip -n a link add br0 type bridge
ip -n a link set vx0 master br0
ip -n a link set vx0 up
ip -n a link set br0 up
ip -n b link add vx0 type vxlan id 100 dstport 4789 dev ub
ip -n b link add br0 type bridge
ip -n b link set vx0 master br0
ip -n b link set vx0 up
ip -n b link set br0 up
ip -n c link add vx0 type vxlan id 100 dstport 4789 dev uc
ip -n c link add br0 type bridge
ip -n c link set vx0 master br0
ip -n c link set vx0 up
ip -n c link set br0 up
ip -n a addr add 10.100.0.1/24 dev br0
ip -n b addr add 10.100.0.2/24 dev br0
ip -n c addr add 10.100.0.3/24 dev br0
ip netns exec b ping -c 1 -W 1 10.100.0.1
ip netns exec a bridge fdb show dev vx0
ip netns exec a bridge fdb append 00:00:00:00:00:00 dev vx0 dst 192.168.0.2
ip netns exec a bridge fdb append 00:00:00:00:00:00 dev vx0 dst 192.168.0.3
ip netns exec b bridge fdb append 00:00:00:00:00:00 dev vx0 dst 192.168.0.1
ip netns exec c bridge fdb append 00:00:00:00:00:00 dev vx0 dst 192.168.0.1
ip -n a link show vx0
ip netns exec a ping -c 2 -W 1 10.100.0.2
ip netns exec a ping -c 2 -W 1 10.100.0.3
ip netns exec c ping -c 1 -W 1 10.100.0.1
ip netns exec b ping -c 1 -W 1 10.100.0.3
