#!/bin/bash
# IPv6 multipath routes among others of the same prefix (ip6_fib.c fib6_add_rt2node): a route
# with a gateway added by `append` or `prepend` joins the routes of its prefix and metric that
# have one as their sibling, after them (prepend too); `add` of a second gateway is refused; a
# device route of the same metric stays apart (the dump shows it before the multipath route);
# `replace` of a sibling takes all siblings away; `del` with a gateway takes that hop alone,
# without one the route and all its siblings (__ip6_del_rt_siblings), with `nexthop` hops each
# hop on its own; a multipath request whose later hop fails takes its earlier hops back.
ip link add v1 type veth peer name p1
ip link add v2 type veth peer name p2
ip link set v1 up
ip link set v2 up
ip link set p1 up
ip link set p2 up
ip -6 addr add 2001:db8:1::1/64 dev v1 nodad
ip -6 addr add 2001:db8:2::1/64 dev v2 nodad
ip -6 route add 2001:db8:9::/64 nexthop via 2001:db8:1::2 weight 2 nexthop via 2001:db8:2::2
ip -6 route add 2001:db8:9::/64 via 2001:db8:1::3
ip -6 route append 2001:db8:9::/64 via 2001:db8:1::3
ip -6 route append 2001:db8:9::/64 via 2001:db8:1::3
ip -6 route prepend 2001:db8:9::/64 via 2001:db8:2::3
ip -6 route append 2001:db8:9::/64 nexthop via 2001:db8:1::4 nexthop via 2001:db8:2::2
ip -6 route show 2001:db8:9::/64
ip -6 route append 2001:db8:9::/64 dev v1
ip -6 route append 2001:db8:9::/64 via 2001:db8:2::4 metric 5
ip -6 route append 2001:db8:9::/64 nexthop via 2001:db8:1::5 nexthop via 2001:db8:2::5 metric 5
ip -6 route show
ip -6 route del 2001:db8:9::/64 via 2001:db8:1::3
ip -6 route del 2001:db8:9::/64 via 2001:db8:1::3
ip -6 route show 2001:db8:9::/64
ip -6 route del 2001:db8:9::/64 nexthop via 2001:db8:2::3 nexthop via 2001:db8:1::9
ip -6 route show 2001:db8:9::/64
ip -6 route del 2001:db8:9::/64 metric 5
ip -6 route show 2001:db8:9::/64
ip -6 route del 2001:db8:9::/64 dev v2
ip -6 route show 2001:db8:9::/64
ip -6 route del 2001:db8:9::/64
ip -6 route show 2001:db8:9::/64
ip -6 route add 2001:db8:8::/64 nexthop via 2001:db8:1::2 nexthop via 2001:db8:2::2
ip -6 route replace 2001:db8:8::/64 nexthop via 2001:db8:1::6 nexthop via 2001:db8:2::6 weight 4
ip -6 route show 2001:db8:8::/64
ip -6 route replace 2001:db8:8::/64 via 2001:db8:2::7
ip -6 route show 2001:db8:8::/64
ip -6 route replace 2001:db8:8::/64 nexthop via 2001:db8:1::8 nexthop via 2001:db8:2::8
ip -6 route show 2001:db8:8::/64
ip -6 route change 2001:db8:8::/64 via 2001:db8:1::9
ip -6 route change 2001:db8:7::/64 nexthop via 2001:db8:1::9 nexthop via 2001:db8:2::9
ip -6 route show
ip -6 route add 2001:db8:6::/64 nexthop via 2001:db8:1::2 nexthop via 2001:db8:2::2
ip -6 route flush 2001:db8:6::/64
ip -6 route add 2001:db8:6::/64 nexthop via 2001:db8:1::2 nexthop via 2001:db8:2::2
ip -6 route flush dev v1
ip -6 route flush via 2001:db8:1::2
ip -6 route show
ip -6 route flush proto boot
ip -6 route show
ip -6 route add blackhole 2001:db8:5::/64 nexthop via 2001:db8:2::2
ip -6 route add unreachable 2001:db8:5:1::/64 nexthop via 2001:db8:2::2 nexthop dev v1
ip -6 route add prohibit 2001:db8:5:2::/64 nexthop via 2001:db8:2::2 nexthop via 2001:db8:1::2
ip -6 route show
