# An ifb device as ip shows it: BROADCAST,NOARP (no MULTICAST), qlen 32, any MTU (minmtu 0
# maxmtu 0), `-d` with the kind alone, the name the kernel picks for `ip link add type ifb`,
# options after `type ifb` ignored (iproute2 has no link_util parse for it), its default qdisc
# (noop before it is first opened, pfifo_fast after, also once down again), a root qdisc that
# cannot be deleted, `ip link show type ifb`, a move to another namespace.
ip link add ifb0 type ifb
ip link show ifb0
ip -d link show ifb0
tc qdisc show dev ifb0
tc qdisc del dev ifb0 root
ip link set ifb0 up
ip link show ifb0
ip -d -j link show ifb0
tc qdisc show
tc qdisc show dev ifb0
ip link set ifb0 down
tc qdisc show dev ifb0
ip link show ifb0
ip link set ifb0 mtu 9000
ip link set ifb0 mtu 70000
ip link set ifb0 mtu 60
ip link show ifb0
ip link add type ifb
ip link add ifb5 txqueuelen 7 type ifb foo
ip link show type ifb
ip link add ifb0 type ifb
ip netns add other
ip link set ifb5 netns other
ip -n other link show ifb5
ip link del ifb1
ip link show
