# ip link set … promisc on|off: the PROMISC flag and the promiscuity count (ip -d), on a plain
# device, on a bridge port (already promiscuous through the bridge) and across a namespace move.
ip link add veth0 type veth peer name veth1
ip link set veth0 promisc on
ip link show veth0
ip -d link show veth0
cat /sys/class/net/veth0/flags
ip link set veth0 promisc on
ip -d link show veth0
ip link add br0 type bridge
ip link set veth1 master br0
ip link set veth1 promisc on up
ip -d link show veth1
ip link set veth1 promisc off
ip link show veth1
ip netns add p1
ip link set veth0 netns p1
ip -n p1 link show veth0
ip -n p1 link set veth0 promisc off
ip -n p1 -d link show veth0
ip link set veth1 promisc maybe
ip link set veth9 promisc on
ip link add veth2 promisc on type veth peer name veth3
ip netns del p1
