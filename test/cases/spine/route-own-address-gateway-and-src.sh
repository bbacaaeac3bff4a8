# The namespace's own addresses as gateway (accepted) and as preferred source; a source it
# does not own is refused.
ip link add veth0 type veth peer name veth1
ip addr add 10.0.0.1/24 dev veth0
ip link set veth0 up
ip route add 10.95.0.0/16 via 10.0.0.1
ip route add 10.96.0.0/16 via 10.0.0.1 dev veth0
ip route add 10.97.0.0/16 via 127.0.0.1
ip route add 10.90.0.0/16 via 10.0.0.2 src 10.0.0.9
ip route add 10.90.0.0/16 via 10.0.0.2 src 10.0.0.1
ip route add 10.91.0.0/16 dev veth0 src 127.0.0.1
ip route
