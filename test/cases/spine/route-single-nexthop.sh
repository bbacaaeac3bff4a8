# A route with one `nexthop` is kept and shown as a plain `via … dev …` route; the checks are the
# plain route's (an unreachable gateway, an unknown device).
ip link add h9-eth0 type veth peer name h9-peer
ip link set h9-eth0 up
ip link set h9-peer up
ip addr add 10.0.10.1/31 dev h9-eth0
ip route add default scope global nexthop via 10.0.10.0 dev h9-eth0
ip route add 10.1.0.0/16 nexthop via 10.0.10.0
ip route add 10.2.0.0/16 nexthop via 10.0.10.0 weight 1
ip route add 10.3.0.0/16 nexthop via 10.9.9.9 dev h9-eth0
ip route add 10.4.0.0/16 nexthop via 10.0.10.0 dev nope
ip route add default nexthop via 10.0.10.0 dev h9-eth0
ip route
ip route show 10.1.0.0/16
ip route get 10.2.3.4
ip route del 10.1.0.0/16
ip route del default
ip route
