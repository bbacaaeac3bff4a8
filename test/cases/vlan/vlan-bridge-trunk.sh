# A bridge without vlan_filtering carries tagged frames as they are: two namespaces with VLAN
# 10 on their ends reach each other across it; the bridge's own VLAN 10 device (br0.10) is a
# third member of that VLAN; untagged traffic stays apart.
ip netns add a
ip netns add b
ip link add br0 type bridge
ip link set br0 up
ip link add pa type veth peer name e0 netns a
ip link add pb type veth peer name e0 netns b
ip link set pa master br0
ip link set pb master br0
ip link set pa up
ip link set pb up
ip -n a link set e0 up
ip -n b link set e0 up
ip -n a link add link e0 name e0.10 type vlan id 10
ip -n b link add link e0 name e0.10 type vlan id 10
ip -n a addr add 10.0.10.1/24 dev e0.10
ip -n b addr add 10.0.10.2/24 dev e0.10
ip -n a link set e0.10 up
ip -n b link set e0.10 up
ip link add link br0 name br0.10 type vlan id 10
ip addr add 10.0.10.254/24 dev br0.10
ip link set br0.10 up
ip addr add 10.0.0.254/24 dev br0
ip -n a addr add 10.0.0.1/24 dev e0
ip netns exec a ping -c 1 -W 1 10.0.10.2
ip netns exec a ping -c 1 -W 1 10.0.10.254
ip netns exec b ping -c 1 -W 1 10.0.10.254
ping -c 1 -W 1 10.0.0.1
ping -c 1 -W 1 10.0.10.1
ip netns exec a ping -c 1 -W 1 10.0.0.254
