# Geneve devices: made with an id and a remote, shown (-d and -j, as iproute2 6.1 prints them),
# their MTU, and the refusals in the kernel's and iproute2's words.
ip link add gnv0 type geneve id 5 remote 192.0.2.1
ip link show gnv0
ip -d link show gnv0
ip -j -d link show gnv0
ip link add gnv1 type geneve id 6 remote 192.0.2.1 ttl 10 dstport 6090
ip -d link show gnv1
ip link add gnv2 type geneve id 5 remote 192.0.2.1
ip link add gnv2 type geneve id 5 remote 192.0.2.2
ip link add gnv3 type geneve remote 192.0.2.1
ip link add gnv3 type geneve id 5
ip link add gnv3 type geneve id 16777216 remote 192.0.2.1
ip link add gnv3 type geneve id 7 remote 192.0.2.x
ip link add gnv3 type geneve id 7 remote 192.0.2.3 bogus
ip link set gnv0 up
ip link show gnv0
ip link show type geneve
ip link del gnv1
ip link show
