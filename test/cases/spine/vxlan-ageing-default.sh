# `ageing 300` on a new VXLAN device is the kernel's default: the device is made as without it,
# and -d shows it; a bad value is iproute2's own error.
ip link add vx10010 type vxlan id 10 local 192.0.2.1 dstport 4789 ttl 10 ageing 300
ip -d link show dev vx10010
ip link add vx2 type vxlan id 11 dstport 4789 ageing 300x
ip link add vx3 type vxlan id 12 dstport 4789 ageing 300 ageing 300
