# What a dummy takes and refuses: a name the kernel picks, options it has none of, any MTU,
# a MAC, a bridge port, another namespace.
ip link add type dummy
ip -br link show dummy0
ip link add d1 type dummy
ip link add d1 type dummy
ip link add d2 type dummy mode x
ip link set d1 mtu 9000
ip link set d1 mtu 100000
ip link set d1 mtu 60
ip link set d1 mtu 0
ip link show d1
ip link set d1 address 02:00:00:00:00:11
ip link show d1
ip link add br0 type bridge
ip link set d1 master br0
ip link set br0 up
ip link set d1 up
ip -br link
bridge link show
ip netns add other
ip link set dummy0 netns other
ip -n other -br link
ip netns del other
ip -br link
