# macvlan devices on a veth lower: what `ip link` shows of them (the lower as @p0, M-DOWN while
# the lower is down, LOWERLAYERDOWN without the lower's carrier, the -d line and -j linkinfo),
# the default mode (vepa), the MTU taken from the lower and never above it, a passthru macvlan
# taking the lower's MAC and leaving no room for another, the kernel's refusals, a mode change,
# a move into a namespace (the lower stays behind, shown as @ifN), and the lower's deletion
# taking its macvlans with it wherever they are.
ip link add p0 type veth peer name p1
ip link add mv0 link p0 type macvlan mode bridge
ip link add mv1 link p0 type macvlan
ip -d link show mv0
ip -j -d link show mv1
ip link set mv0 up
ip link show mv0
ip link set p0 up
ip link show mv0
ip link set p1 up
ip link show mv0
ip -d link show p0
ip addr show mv0
ip link add link p0 type macvlan mode private
ip link show macvlan0
ip link add mv2 link p0 mtu 1400 type macvlan mode vepa
ip link add mv3 link p0 mtu 9000 type macvlan
ip link set mv2 mtu 1600
ip link set p0 mtu 1300
ip link set p0 mtu 1500
ip -br link show
ip link add mv4 link p0 type macvlan mode passthru
ip link add mv5 link lo type macvlan
ip link add mv5 type macvlan mode bridge
ip link add mv5 link p0 type macvlan mode foo
ip link add mv5 link p0 type macvlan nopromisc
ip link add mv5 link p0 type macvlan unknown
ip link add mv5 link mv0 type macvlan mode bridge
ip -d link show mv5
ip link set mv1 type macvlan mode private
ip link set mv1 type macvlan mode passthru
ip -d link show mv1
ip link add q0 type veth peer name q1
ip link add mvp link q0 type macvlan mode passthru
ip link add mvq link q0 type macvlan mode bridge
ip link set q0 up
ip link set q1 up
ip link set mvp up
ip -d link show q0
ip link show mvp
ip link add br0 type bridge
ip link set q1 master br0
ip link add mvb link q1 type macvlan
ip link set p0 master br0
ip netns add a
ip link set mv0 netns a
ip -n a link show
ip -n a -j link show mv0
ip link show type macvlan
ip link del p0
ip link show
ip -n a link show
