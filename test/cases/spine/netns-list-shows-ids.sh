# Once a veth crosses into a namespace, the kernel gives the peer namespace an id, and
# ip netns list prints it.
ip netns add ns1
ip netns add ns2
ip netns list
ip link add veth-a type veth peer name veth-b
ip link set veth-a netns ns1
ip netns list
ip link show veth-b
ip netns exec ns1 ip link show veth-a
ip link set veth-b netns ns2
ip netns list
ip netns exec ns2 ip -br link
