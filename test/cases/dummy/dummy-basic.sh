# A dummy device: made, listed, addressed, brought up; it answers for its own addresses and
# swallows what is routed through it.
ip link add d0 type dummy
ip link show d0
ip -d link show d0
ip link set d0 up
ip -br link show d0
ip addr add 10.10.0.1/24 dev d0
ip -br addr show dev d0
ip route show
ping -c 1 -W 1 10.10.0.1
ping -c 1 -W 1 10.10.0.2
ip route add 192.0.2.0/24 dev d0
ip route get 192.0.2.7
ping -c 1 -W 1 192.0.2.7
ip link show type dummy
ip link set d0 down
ip -br link show d0
ip link del d0
ip link show d0
