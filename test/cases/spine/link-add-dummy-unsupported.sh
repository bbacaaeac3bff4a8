# dummy interfaces are a common way to get a "loopback with an address", but this kernel has
# no dummy module, so everything after the add meets a missing device.
ip link add dummy0 type dummy
ip addr add 192.168.100.1/24 dev dummy0
ip link set dummy0 up
ip link show dummy0
ip link add gre1 type gre remote 10.0.0.2 local 10.0.0.1
ip link add macvlan1 link lo type macvlan mode bridge
ip -br link
