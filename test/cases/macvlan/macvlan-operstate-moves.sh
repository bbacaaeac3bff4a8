# A macvlan's operstate is linkwatch's: computed when its carrier (its lower device's) changes,
# judged by the namespace it is in then. Made while the lower is down, it is LOWERLAYERDOWN
# and stays so wherever it goes; when its lower leaves for another namespace its carrier goes
# and the lower's index means nothing here any more: DOWN. Deleting the namespace that holds
# the lower device destroys the macvlans on it, wherever they are.
ip netns add a
ip netns add b
ip link add p0 type veth peer name p1
ip link add m0 link p0 type macvlan mode bridge
ip link set m0 netns a
ip -n a link set m0 up
ip -n a link show m0
ip link add m1 link p0 type macvlan mode bridge
ip link set p0 up
ip link set p1 up
ip link set m1 up
ip link show m1
ip -n a link show m0
ip link set p0 netns b
ip link show m1
ip -n a link show m0
ip -n b link set p0 up
ip link show m1
ip -n a -j link show m0
ip netns delete b
sleep 1
ip link show
ip -n a link show
