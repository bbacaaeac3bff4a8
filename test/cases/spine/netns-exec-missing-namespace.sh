# A typo in the namespace name of ip netns exec and of ip -n.
ip netns add client
ip netns exec cleint ip link set lo up
ip -n cleint link
ip netns exec client ip link set lo up
ip -n client -br link
