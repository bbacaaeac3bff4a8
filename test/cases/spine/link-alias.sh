# An interface alias (IFLA_IFALIAS): `ip link` shows it on a line of its own after the link
# layer (and the details with -d), `ip addr` only with -d; JSON names it ifalias; an empty
# alias removes it; 256 bytes is too long.
ip netns add a
ip link add va netns a type veth peer name vb
ip -n a link set va alias "uplink to b"
ip -n a link show va
ip -n a -d link show va
ip -n a -o link show va
ip -n a -j link show va
ip -n a addr show va
ip -n a -d addr show va
ip -n a -br link show va
ip -n a link set dev va alias core-1
ip -n a link show
ip -n a link set va alias ""
ip -n a link show va
ip -n a link set va alias xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
ip -n a link show va
