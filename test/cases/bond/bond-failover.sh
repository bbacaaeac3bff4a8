# An active-backup bond of two veths towards a bridge in another namespace: ping goes by the
# active slave; when the active slave's link goes, the other takes over (link_failure_count,
# active_slave) and ping goes on; the first slave's return does not take the role back. Then a
# balance-rr bond sends by both slaves in turn. `sleep` lets the kernel's MII monitor (miimon
# 100 ms) see the change; the simulator's monitor sees it at once.
ip netns add peer
ip -n peer link add br0 type bridge
ip -n peer link set br0 up
ip -n peer addr add 10.0.0.2/24 dev br0
ip link add bond0 type bond mode active-backup miimon 100
ip link add veth0 type veth peer name p0 netns peer
ip link add veth1 type veth peer name p1 netns peer
ip link set veth0 master bond0
ip link set veth1 master bond0
ip -n peer link set p0 master br0
ip -n peer link set p1 master br0
ip -n peer link set p0 up
ip -n peer link set p1 up
ip addr add 10.0.0.1/24 dev bond0
ip link set bond0 up
sleep 0.5
ip link show bond0
ip -d link show bond0
ping -c 2 -i 0.2 -W 1 10.0.0.2
ip -n peer link set p0 down
sleep 0.5
ip link show veth0
ip link show bond0
ip -d link show bond0
ping -c 2 -i 0.2 -W 1 10.0.0.2
ip -n peer link set p0 up
sleep 0.5
ip -d link show bond0
ip -n peer link set p1 down
ip -n peer link set p0 down
sleep 0.5
ip link show bond0
ping -c 1 -W 1 10.0.0.2
ip -n peer link set p0 up
ip -n peer link set p1 up
sleep 0.5
ip link del bond0
ip link add bond1 type bond mode balance-rr miimon 100
ip link set veth0 master bond1
ip link set veth1 master bond1
ip addr add 10.0.0.1/24 dev bond1
ip link set bond1 up
sleep 0.5
ip link show bond1
ping -c 4 -i 0.2 -W 1 10.0.0.2
ip -n peer link set p1 down
sleep 0.5
ping -c 2 -i 0.2 -W 1 10.0.0.2
