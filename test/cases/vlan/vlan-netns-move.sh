# A VLAN moved into another namespace (the container pattern with VLANs): it keeps its lower
# device in the first one (@ifN, link-netnsid), still tags through it, and goes with it when the
# lower is deleted; a VLAN's own MAC and address changes; one made up and with an address given
# at creation.
ip netns add c
ip netns add far
ip link add p0 type veth peer name p1 netns far
ip link set p0 up
ip -n far link set p1 up
ip -n far link add link p1 name p1.7 type vlan id 7
ip -n far addr add 192.168.7.1/24 dev p1.7
ip -n far link set p1.7 up
ip link add link p0 name p0.7 type vlan id 7
ip link set p0.7 netns c
ip -n c link show p0.7
ip -n c -d link show p0.7
ip -n c addr add 192.168.7.2/24 dev p0.7
ip -n c link set p0.7 up
ip netns exec c ping -c 1 -W 1 192.168.7.1
ip -n c link set p0.7 address 02:00:00:00:07:02
ip -n c link show p0.7
ip netns exec c ping -c 1 -W 1 192.168.7.1
ip link add link p0 name p0.8 up type vlan id 8
ip link show p0.8
ip link set p0 down
ip -n c link show p0.7
ip link show p0.8
ip link del p0
ip -n c link show
ip -n far link show p1.7
