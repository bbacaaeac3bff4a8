# ifconfig IF [-]promisc: IFF_PROMISC through SIOCSIFFLAGS, the same flag as `ip link set …
# promisc`; on a missing device every flag word fails on its SIOCGIFFLAGS (exit 255).
ip link add v1 type veth peer name v2
ifconfig v1 promisc
ip link show v1
ip -d link show v1
ifconfig v1 10.0.0.1 -promisc up
ip link show v1
ifconfig v2 promisc up
ip link set v2 promisc off
ip -d link show v2
ifconfig tap0 0.0.0.0 promisc up
ifconfig tap0 -promisc
