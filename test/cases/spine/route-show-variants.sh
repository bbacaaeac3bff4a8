# The route listings of tutorials and forum answers.
ip link add veth0 type veth peer name veth1
ip addr add 10.0.0.1/24 dev veth0
ip link set veth0 up
ip link set veth1 up
ip route add default via 10.0.0.254
ip route add 10.80.0.0/16 via 10.0.0.2 proto static
ip route
ip r
ip route show
ip route list
ip -4 route
ip -j route
ip -j -p route
ip route show table local
ip route show table main
ip route show table all
ip route show dev veth0
ip route show proto kernel
ip route show scope link
ip route show 10.80.0.0/16
ip -o route
