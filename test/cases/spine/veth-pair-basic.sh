# One veth pair in the root namespace: carrier needs both ends up.
ip link add veth0 type veth peer name veth1
ip link
ip -br link
ip link set veth0 up
ip link show veth0
ip -br link show veth0
ip link set veth1 up
ip link show veth0
ip -br link
ip -o link show type veth
