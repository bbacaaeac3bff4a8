# Deleting a namespace destroys the veth end inside it, and with it the peer outside.
ip netns add tmp
ip link add veth-out type veth peer name veth-in
ip link set veth-in netns tmp
ip addr add 10.3.0.1/24 dev veth-out
ip link set veth-out up
ip -br link
ip netns del tmp
# the kernel dismantles a deleted namespace asynchronously: give it a moment
sleep 0.2
ip -br link
ip link show veth-out
ip route
