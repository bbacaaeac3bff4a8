# A VLAN follows its lower device: refused up while the lower is down (unless loosely bound),
# brought up and down with it, its carrier the lower's; its MTU is the lower's when made, never
# above it (less a tag on a lower that does not insert tags itself), capped when the lower's
# drops; a VLAN on a dummy copies NOARP and the missing MULTICAST; VLANs stack (QinQ).
ip link add veth0 type veth peer name veth1
ip link add link veth0 name veth0.10 type vlan id 10
ip link add link veth0 name loose type vlan id 11 loose_binding on
ip link set veth0.10 up
ip link show veth0.10
ip link set loose up
ip link show loose
ip link set veth0 up
ip link show veth0.10
ip link set veth1 up
ip link show veth0.10
ip link show loose
ip link set veth0 down
ip link show veth0.10
ip link show loose
ip link set veth0 up
ip link set veth0.10 mtu 1600
ip link set veth0.10 mtu 1400
ip link show veth0.10
ip link set veth0 mtu 1300
ip link show veth0.10
ip link set veth0 mtu 9000
ip link show veth0.10
ip link add link veth0 name big mtu 9001 type vlan id 12
ip link add link veth0 name big mtu 8000 type vlan id 12
ip link show big
ip link add link veth0 name veth0.10.5 type vlan id 5
ip link add link veth0.10 name q type vlan id 5
ip link show q
ip link add d0 type dummy
ip link add link d0 name d0.5 type vlan id 5
ip link show d0.5
ip link add br0 type bridge
ip link add link br0 name br0.5 type vlan id 5
ip link show br0.5
ip link set br0.5 master br0
ip link set veth0 master br0
ip link show veth0
ip link del veth0
ip link show
