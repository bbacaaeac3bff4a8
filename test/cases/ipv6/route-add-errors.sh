#!/bin/bash
# ip -6 route add/append/replace/change/prepend/del: the kernel's refusals (a link-local
# gateway needs a device, another must be on a connected route, a local one is refused, a
# device that is down), what is accepted (host bits dropped, metric 0 is 1024, reject types
# through lo, expiring, metrics, tables), and the IPv6 key: prefix and metric only.
ip link add va type veth peer name vb
ip link add vc type veth peer name vd
ip link set va up; ip link set vb up; ip link set vc up
ip -6 addr add 2001:db8::1/64 dev va
ip -6 route add default via fe80::1
ip -6 route add default via fe80::1 dev va
ip -6 route add default via fe80::2 dev va
ip -6 route add default via fe80::2 dev va metric 100
ip -6 route add 2001:db8:1::/64 via 2001:db8::ff
ip -6 route add 2001:db8:2::/64 via 2001:db8:9::1
ip -6 route add 2001:db8:3::/64 via 2001:db8::1
ip -6 route add 2001:db8:4::/64 dev vc
ip -6 route add 2001:db8:5::/64 dev vd
ip -6 route add 2001:db8:6::/64 via 2001:db8::ff dev vc
ip -6 route add 2001:db8:7::/64 via 2001:db8::ff dev vc onlink
ip -6 route add 2001:db8:8::1/64 dev va
ip -6 route add 2001:db8:9::/64
ip -6 route add blackhole 2001:db8:a::/64
ip -6 route add unreachable 2001:db8:b::/64
ip -6 route add prohibit 2001:db8:c::/64
ip -6 route add throw 2001:db8:d::/64
ip -6 route add 2001:db8:e::/64 dev va table 100
ip -6 route add 2001:db8:f::/64 dev va src 2001:db8::1
ip -6 route add 2001:db8:10::/64 dev va src 2001:db8::99
ip -6 route add 2001:db8:11::/64 dev va expires 100
ip -6 route add 2001:db8:12::/64 dev va mtu 1400 hoplimit 5
ip -6 route add 2001:db8:13::/64 dev va proto static scope link
ip -6 route add 2001:db8:14::/64 dev va metric 0
ip -6 route add local 2001:db8:15::1 dev va
ip -6 route add 2001:db8:16::/64 dev va pref high
ip -6 route add ::/0 dev vc
ip -6 route
ip -6 route show table all
ip -j -6 route show dev vc
ip -6 route show table 100
ip -6 route show table 200
ip -6 route add 2001:db8:4::/64 dev vc
ip -6 route append 2001:db8:4::/64 dev va
ip -6 route replace 2001:db8:4::/64 dev va
ip -6 route prepend 2001:db8:4::/64 dev va metric 5
ip -6 route change 2001:db8:4::/64 dev vc metric 5
ip -6 route change 2001:db8:99::/64 dev vc
ip -6 route show 2001:db8:4::/64
ip -6 route del 2001:db8:4::/64
ip -6 route show 2001:db8:4::/64
ip -6 route del 2001:db8:99::/64
ip -6 route del default
ip -6 route show default
ip -6 route del default via fe80::9 dev va
