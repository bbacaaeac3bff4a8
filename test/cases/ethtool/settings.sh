# ethtool DEV and ethtool -i DEV per kind: a veth, tun and tap report 10000 Mb/s full duplex
# (a tun adds its message level), a macvlan and a vxlan with a lower `dev` report the lower's,
# a bridge the fastest of its running ports (no duplex, port Other), lo only its link;
# "Link detected" follows carrier. A missing device gets ethtool's netlink errors.
ip link add eth0 type veth peer name eth0-peer
ip link add br0 type bridge
ip tuntap add dev tap0 mode tap
ip tuntap add dev tun0 mode tun
ip link add mac0 link eth0 type macvlan mode bridge
ip link add vx0 type vxlan id 42 dstport 4789
ip link add vx1 type vxlan id 43 dstport 4789 dev eth0
ethtool lo
ethtool eth0
ethtool br0
ethtool tap0
ethtool tun0
ethtool mac0
ethtool vx0
ethtool vx1
ip link set lo up
ip link set eth0 up
ip link set eth0-peer up
ip link set mac0 up
ethtool lo
ethtool eth0
ethtool mac0
ethtool eth0-peer | grep "Link detected"
ip link add v1 type veth peer name v1-peer
ip link set v1 master br0
ethtool br0
ip link set v1 up
ip link set v1-peer up
ip link set br0 up
ethtool br0
ip link add mac1 link br0 type macvlan
ethtool mac1
ethtool -i lo
ethtool -i eth0
ethtool -i br0
ethtool -i tap0
ethtool -i tun0
ethtool -i mac0
ethtool -i vx0
ethtool nope
ethtool -i nope
/usr/sbin/ethtool mac9 2>/dev/null | grep -q "Link detected" || echo "no mac9"
ethtool
ethtool -i
