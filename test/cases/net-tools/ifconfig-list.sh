# ifconfig, ifconfig -a and ifconfig IF (net-tools 2.10): interfaces sorted by nstrcmp (an
# alias label after its device), only those up without -a; per block the flags, the first IPv4
# address of the label (broadcast 0.0.0.0 when none was given), lo's ::1, the hardware address
# and the counters, which follow the pings. IPv6 is off on the veth pair: the kernel's own
# IPv6 packets (router solicitations, MLD reports) leave at random times, so their counters
# could not be foretold.
sysctl -qw net.ipv6.conf.default.disable_ipv6=1
ip link add eth0 address 00:00:5e:00:53:01 type veth peer name eth0-peer address 00:00:5e:00:53:02
ip link add br0 address 00:00:5e:00:53:03 type bridge
ip link add eth10 type veth peer name eth2
ifconfig
ifconfig -a
ip link set lo up
ip link set eth0 up
ip link set eth0-peer up
ip addr add 10.0.0.1/24 dev eth0
ip addr add 10.0.0.2/24 dev eth0
ip addr add 192.168.5.1/16 brd + dev eth0 label eth0:1
ip addr add 10.0.0.9/24 dev eth0-peer
ping -c 2 -q 10.0.0.9
ping -c 3 -q -s 1400 127.0.0.1
ifconfig
ifconfig -a
ifconfig eth0
ifconfig eth0:1
ifconfig br0
ifconfig lo
ifconfig nope
ip link set eth0-peer down
ifconfig eth0
