# ip neigh get ADDR dev DEV: one entry, any state (NOARP too), printed with its device (and as
# text under -j); the kernel's "not found", iproute2's own refusals.
ip link add eth0 type veth peer name p0
ip neigh add 192.168.1.2 dev eth0 lladdr 12:34:56:78:9a:bd
ip neigh add 192.168.1.3 dev eth0 nud noarp lladdr 12:34:56:78:9a:be
ip neigh add 192.168.1.4 dev p0 lladdr 12:34:56:78:9a:bf nud reachable
ip neigh get 192.168.1.2 dev eth0
ip neigh get 192.168.1.3 dev eth0
ip neigh get 192.168.1.9 dev eth0
ip neigh get 192.168.1.4 dev eth0
ip neigh get 192.168.1.2
ip neigh get 192.168.1.2 dev nope
ip neigh get to 192.168.1.2 dev eth0
ip -j neigh get 192.168.1.2 dev eth0
ip neigh get dev eth0
ip neigh get 192.168.1.2 192.168.1.3 dev eth0
ip neigh get 192.168.1.2 dev lo
ip neigh get default dev eth0
ip netns add A
ip netns add B
ip link add va type veth peer name vb
ip link set va netns A
ip link set vb netns B
ip -n A addr add 10.0.0.1/24 dev va
ip -n B addr add 10.0.0.2/24 dev vb
ip -n A link set va up
ip -n B link set vb up
ip netns exec A ping -c 1 -W 1 10.0.0.2
ip -n A neigh get 10.0.0.2 dev va
ip -n B neigh get 10.0.0.1 dev vb
ip -n A neigh get 10.0.0.3 dev va
ip netns del A
ip netns del B
