# What a brand-new namespace holds: lo, down, no address, empty tables.
ip netns add fresh
ip netns exec fresh ip addr
ip netns exec fresh ip -br a
ip netns exec fresh ip route
ip netns exec fresh ip route show table local
# bringing lo up adds 127.0.0.1 and its local routes
ip netns exec fresh ip link set lo up
ip netns exec fresh ip addr show lo
ip netns exec fresh ip route show table local
ip netns exec fresh ip -br link
