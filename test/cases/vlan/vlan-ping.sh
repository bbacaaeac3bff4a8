# Two namespaces on one cable, each with VLANs 10 and 20 on its end: each VLAN is its own
# network; the untagged cable is a third; a VLAN with no partner on the other side hears nothing
# (the tagged frame is another host's there). QinQ: an 802.1ad VLAN 100 carrying 802.1Q VLAN 30.
ip netns add a
ip netns add b
ip link add e0 netns a type veth peer name e0 netns b
ip -n a link set e0 up
ip -n b link set e0 up
ip -n a link add link e0 name e0.10 type vlan id 10
ip -n b link add link e0 name e0.10 type vlan id 10
ip -n a link add link e0 name e0.20 type vlan id 20
ip -n b link add link e0 name e0.20 type vlan id 20
ip -n a link add link e0 name e0.30 type vlan id 30
ip -n a addr add 10.0.10.1/24 dev e0.10
ip -n b addr add 10.0.10.2/24 dev e0.10
ip -n a addr add 10.0.20.1/24 dev e0.20
ip -n b addr add 10.0.20.2/24 dev e0.20
ip -n a addr add 10.0.0.1/24 dev e0
ip -n b addr add 10.0.0.2/24 dev e0
ip -n a addr add 10.0.30.1/24 dev e0.30
ip -n a link set e0.10 up
ip -n b link set e0.10 up
ip -n a link set e0.20 up
ip -n b link set e0.20 up
ip -n a link set e0.30 up
ip -n a -br link
ip netns exec a ping -c 2 -i 0.2 -W 1 10.0.10.2
ip netns exec a ping -c 1 -W 1 10.0.20.2
ip netns exec a ping -c 1 -W 1 10.0.0.2
ip netns exec a ping -c 1 -W 1 10.0.30.2
ip -n a link add link e0 name s100 type vlan proto 802.1ad id 100
ip -n b link add link e0 name s100 type vlan proto 802.1ad id 100
ip -n a link add link s100 name c30 type vlan id 30
ip -n b link add link s100 name c30 type vlan id 30
ip -n a addr add 10.1.30.1/24 dev c30
ip -n b addr add 10.1.30.2/24 dev c30
ip -n a link set s100 up
ip -n b link set s100 up
ip -n a link set c30 up
ip -n b link set c30 up
# (c30's state is not shown: linkwatch settles a VLAN made on a device that is down up to a
# second later, UNKNOWN until then)
ip -n a route show dev c30
ip netns exec a ping -c 1 -W 1 10.1.30.2
ip netns exec a ping -c 1 -W 1 -s 1472 -M do 10.1.30.2
ip netns exec a ping -c 1 -W 1 -s 1468 -M do 10.1.30.2
ip -n b link set e0 down
ip -n b link show e0.10
ip netns exec a ping -c 1 -W 1 10.0.10.2
