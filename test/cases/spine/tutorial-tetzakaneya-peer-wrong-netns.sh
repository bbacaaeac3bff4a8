# Adapted from https://blog.tetzakaneya.com/posts/virtual-bridge (仮想ブリッジを試してみた):
# the ns1 block is a copy of the ns0 block and still says `netns ns0`, so veth1b lands in ns0.
# Kept as written; the interactive shell and the pings are dropped.
# bridgeの用意
ip link add name br0 type bridge
ip addr add 192.168.2.254/24 dev br0
ip link set br0 up
# ns0の用意
ip netns add ns0
ip link add name veth0a type veth peer veth0b netns ns0
ip link set veth0a up
ip netns exec ns0 ip link set veth0b up
ip netns exec ns0 ip addr add 192.168.2.1/24 dev veth0b
ip link set veth0a master br0
# ns1の用意
ip netns add ns1
ip link add name veth1a type veth peer veth1b netns ns0
ip link set veth1a up
ip netns exec ns1 ip link set veth1b up
ip netns exec ns0 ip addr add 192.168.2.3/24 dev veth1b
ip link set veth1a master br0
ip netns exec ns0 ip -br addr
ip netns exec ns1 ip -br addr
