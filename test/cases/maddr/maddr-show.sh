# ip maddr show: each device's hardware multicast list (link), IPv4 groups (inet: 224.0.0.1
# while up, 224.0.0.106 of a snooping bridge) and IPv6 groups (inet6: solicited-node groups
# newest first — joined as an address is added, even while the device is down; `users 2` for
# two addresses sharing one — ff02::6a of a bridge, then ff02::1 and ff01::1). MACs are
# fixed so that the link-local addresses, and their groups, are the same in both runs.
ip link add eth0 address 00:00:5e:00:53:01 type veth peer name eth0-peer address 00:00:5e:00:53:02
ip link add br0 address 00:00:5e:00:53:03 type bridge
ip tuntap add dev tun0 mode tun
ip maddr show
ip addr add fe80::1/64 dev eth0-peer
ip addr add 2001:db8:9::1/64 dev eth0-peer
ip addr add 2001:db8:5::1/64 dev tun0
ip maddr show
ip link set lo up
ip link set eth0 up
ip link set eth0-peer up
ip link set br0 up
ip link set tun0 up
ip addr add 10.0.0.1/24 dev eth0
ip addr add 2001:db8::1/64 dev eth0 nodad
ip addr add 2001:db8::2:3/64 dev eth0 nodad
ip addr add 2001:db8:1::1/64 dev br0 nodad
ip maddr show
ip maddr show dev eth0
ip maddr show dev nope
ip -4 maddr
ip -6 maddr show dev eth0
ip -0 maddr show dev br0
ip maddr show lo
ip maddr list
ip maddr lst dev eth0-peer
ip maddr show dev
ip maddr foo
ip maddr s eth0 br0
ip maddr help
ip link set eth0 down
ip maddr show dev eth0
ip link set eth0 up
ip maddr show dev eth0
