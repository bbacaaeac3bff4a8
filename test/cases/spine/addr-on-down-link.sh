# An address on a link that is down: the local route exists at once, the subnet route only
# once the link is up (and flagged linkdown while the peer is down).
ip link add veth0 type veth peer name veth1
ip addr add 10.11.0.1/24 dev veth0
ip route
ip route show table local
ip link set veth0 up
ip route
ip link set veth1 up
ip route
ip link set veth0 down
ip route
ip route show table local
