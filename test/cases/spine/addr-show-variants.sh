# The address listings people paste into forum questions.
ip link add veth0 type veth peer name veth1
ip addr add 10.1.1.1/24 dev veth0
ip addr add 10.1.2.1/24 dev veth1
ip link set veth0 up
ip addr
ip a
ip address show
ip -4 a
ip -br a
ip -br -4 addr show
ip -o addr
ip -j addr show dev veth0
ip addr show dev veth1
ip a s veth0
