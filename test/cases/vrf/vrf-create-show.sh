# A VRF device: made with its table, shown (-d and -j, as iproute2 6.1 prints them), the l3mdev
# rule the kernel adds with the first VRF, ports enslaved (their connected and local routes move
# to the VRF's table), `ip route show vrf`, and the kernel's refusals in its own words.
ip link add vrf-red type vrf table 10
ip link show vrf-red
ip -d link show vrf-red
ip -j -d link show vrf-red
ip rule
ip -6 rule
ip link set vrf-red up
ip link show vrf-red
ip link add veth0 type veth peer name veth1
ip addr add 10.0.0.1/24 dev veth0
ip link set veth0 up
ip link set veth1 up
ip route show table 10
ip link set dev veth0 master vrf-red
ip route show table 10
ip route show table local
ip route show
ip route show vrf vrf-red
ip link add d0 type dummy
ip link set d0 master vrf-red
ip -d link show d0
ip -j -d link show d0
ip link set d0 type vrf_slave
ip link set dev d0 nomaster
ip link set dev d0 vrf vrf-red
ip link show vrf vrf-red
ip -4 addr show vrf vrf-red
ip link set dev d0 vrf veth1
ip link show vrf nosuch
ip link show master vrf-red
ip link show type vrf
ip link add vrf-blue type vrf table 10
ip link add vrf-green type vrf
ip link add vrf-green type vrf table abc
ip link add vrf-green type vrf table 11 bogus
ip link add vrf-green type vrf table main
ip -d link show vrf-green
ip link set dev vrf-green master vrf-red
ip route show vrf nosuch
ip route show vrf veth1
ip route add 10.9.0.0/16 dev veth0 vrf vrf-red
ip route show vrf vrf-red
ip link set dev veth1 master vrf-blue
ip link set veth1 down
ip link set dev veth1 nomaster
ip route show table local
ip link set dev veth0 nomaster
ip route show table 10
ip route show
ip link del vrf-red
ip rule
