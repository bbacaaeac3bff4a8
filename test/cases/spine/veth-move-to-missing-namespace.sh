# The namespace name misspelled when moving the veth end.
ip netns add container1
ip link add veth-c1 type veth peer name veth-c1-br
ip link set veth-c1 netns containr1
ip link set veth-c1 netns container1
ip link set veth-c1 netns container1
ip netns exec container1 ip -br link
