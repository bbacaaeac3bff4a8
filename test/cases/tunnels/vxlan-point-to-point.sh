# VXLAN between two namespaces over a veth underlay: each VTEP names the other as `remote`;
# the overlay addresses live on the vxlan devices themselves. The default port is 8472 (iproute2
# warns), MTU 1450 with a lower `dev`; `remote` with `group` is refused; a VNI above 2^24 too.
ip netns add a
ip netns add b
ip link add va type veth peer name vb
ip link set va netns a
ip link set vb netns b
ip -n a addr add 192.168.0.16/24 dev va
ip -n a link set va up
ip -n b addr add 192.168.0.26/24 dev vb
ip -n b link set vb up
ip -n a link add vx0 type vxlan id 42 remote 192.168.0.26 dev va
ip -n b link add vx0 type vxlan id 42 remote 192.168.0.16 dstport 8472 dev vb
ip -n a link add vx1 type vxlan id 43 remote 192.168.0.26 group 239.1.1.1 dev va
ip -n a link add vx1 type vxlan id 16777216 remote 192.168.0.26
ip -n a link add vx2 type vxlan id 44 remote 192.168.0.26 dstport 4789
ip -n a -d link show vx0
ip -n a link show vx2
ip -n a addr add 10.42.0.1/24 dev vx0
ip -n b addr add 10.42.0.2/24 dev vx0
ip -n a link set vx0 up
ip -n b link set vx0 up
ip netns exec a ping -c 2 -W 1 10.42.0.2
ip netns exec b ping -c 1 -W 1 10.42.0.1
# the far end with another VNI: nothing gets through
ip -n b link set vx0 down
ip -n b link add vx7 type vxlan id 7 remote 192.168.0.16 dev vb
ip -n b addr add 10.42.0.3/24 dev vx7
ip -n b link set vx7 up
ip netns exec a ping -c 1 -W 1 10.42.0.3
