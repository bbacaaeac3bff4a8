# ipvlan, as tutorials create it (`link DEV type ipvlan mode l2|l3|l3s`, a mode flag): this
# kernel has no ipvlan module, so iproute2 parses the options and the kernel refuses the kind;
# a lower device that does not exist is iproute2's own error first.
ip link add eth0 type veth peer name eth0-peer
ip netns add ns0
ip link add ipvlan1 link eth0 type ipvlan mode l3
ip link add ipvlan2 link eth0 type ipvlan mode l2
ip link add ipvlan3 link eth0 type ipvlan mode l3s private
ip link add ipvlan4 link eth0 type ipvlan mode l2 bridge
ip link add ipvlan5 link eth0 type ipvlan vepa mode l2
ip link add ipvlan6 link eth0 netns ns0 type ipvlan mode l2
ip link add ipvlan7 link ens160 type ipvlan mode l3
ip link add link eth0 ipvl0 type ipvlan mode l3
ip link add ipvlan8 link eth0 type ipvlan mode
ip link show ipvlan1
ip -br link
