# An address without /len is a /32: no connected route, so a gateway in "its" subnet fails.
ip netns add red
ip link add veth-red type veth peer name veth-red-br
ip link set veth-red netns red
ip -n red addr add 192.168.15.1 dev veth-red
ip -n red link set veth-red up
ip -n red addr show veth-red
ip -n red route
ip -n red route add default via 192.168.15.5
ip -n red addr del 192.168.15.1 dev veth-red
ip -n red addr add 192.168.15.1/24 dev veth-red
ip -n red route add default via 192.168.15.5
ip -n red route
