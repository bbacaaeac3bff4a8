# ipvlan devices on a veth: made in each mode and flag, shown (-d and -j, as iproute2 6.1 prints
# them), sharing the lower device's MAC, the mode and flags being the lower device's (the last
# one made sets them for all), l3 mode's NOARP, the MTU, and the refusals in the kernel's and
# iproute2's words.
ip link add eth0 type veth peer name eth0p
ip link add ipv0 link eth0 type ipvlan mode l2
ip link show ipv0
ip -d link show ipv0
ip -j -d link show ipv0
ip link add ipv1 link eth0 type ipvlan mode l3
ip -d link show ipv0
ip -d link show ipv1
ip link add ipv2 link eth0 type ipvlan mode l3s private
ip -d link show ipv0
ip -j -d link show ipv2
ip link add ipv3 link eth0 type ipvlan mode l2 vepa
ip -d link show ipv1
ip link add ipv4 link eth0 type ipvlan
ip -d link show ipv4
ip link add ipv5 link eth0 type ipvlan mode l2 bridge
ip link show type ipvlan
ip link add ipv6 type ipvlan mode l2
ip link add ipv6 link eth0 type ipvlan mode l4
ip link add ipv6 link eth0 type ipvlan mode l2 bogus
ip link add ipv6 link eth0 type ipvlan mode l2 private vepa
ip link add ipv6 link nosuch type ipvlan
ip link add ipv6 link lo type ipvlan
ip link add ipv6 link ipv0 type ipvlan
ip link add ipv6 link eth0 type ipvlan mode
ip link set eth0 address 02:00:00:00:00:01
ip link show ipv0
ip link show eth0
ip link set ipv0 address 02:00:00:00:00:02
ip link set ipv0 mtu 9000
ip link set eth0 mtu 1400
ip link show ipv0
ip link show ipv1
ip link set ipv0 up
ip link show ipv0
ip link set eth0 up
ip link set eth0p up
ip link show ipv0
ip link set eth0 down
ip link show ipv0
ip link set ipv1 type ipvlan mode l2
ip -d link show ipv0
ip link del ipv0
ip link show type ipvlan
ip link del eth0
ip link show
