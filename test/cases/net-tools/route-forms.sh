# net-tools route: the forms tutorials write (add/del -net/-host/default, gw, metric, dev or a
# trailing interface, route -n), each refusal (SIOCADDRT/SIOCDELRT errno, exit 7; a netmask with
# host bits: usage, exit 3), and what ip route shows of them (proto boot, scope link without gw).
ip link add v1 type veth peer name v2
ip link set v1 up
ip link set v2 up
ip addr add 10.0.1.2/24 dev v1
route add -net 11.11.0.0 netmask 255.255.0.0 dev v1
route add -net 11.11.0.0 netmask 255.255.0.0 dev v1
route add default gw 10.0.1.1 v1
route add default gw 10.0.1.1 v1
route add default gw 10.0.1.5
route add -net 12.0.0.0/8 gw 10.0.1.9
route add -net 12.0.0.0/8 gw 10.0.1.8 metric 3
route add -net 13.0.0.0 netmask 255.0.0.0 gw 10.9.9.9
route add -net 13.0.0.0 netmask 255.0.0.0 dev nope
route add -host 14.1.1.1 dev v1
route add -host 14.1.1.2 gw 10.0.1.7
route add -net 15.1.1.0 netmask 255.0.0.0 dev v1
route add -net 16.0.0.0 netmask 255.0.0.0 v1
route add -net 17.0.0.0 netmask 255.0.0.0 gw 10.0.1.2
ip route add unreachable 18.0.0.0/8
ip route add blackhole 19.0.0.0/8
ip route add 20.0.0.0/8 dev v1 table 100
route -n
ip route
ip -d route show 11.11.0.0/16
route del -net 12.0.0.0/8 gw 10.0.1.6
route del -net 12.0.0.0/8 metric 3
route del -net 12.0.0.0/8
route del -net 20.0.0.0/8
route del -net 21.0.0.0/8 dev nope
route del default
route del default
route del default
route del -net 10.0.1.0 netmask 255.255.255.0
route -n
ip link set v1 down
route add -net 21.0.0.0/8 dev v1
route add -net 22.0.0.0/8 gw 10.0.1.7
route -n
