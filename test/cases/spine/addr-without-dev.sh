# ip addr add without "dev", and with the device name where the address should be.
ip link add veth0 type veth peer name veth1
ip addr add 10.6.0.1/24
ip addr add veth0 10.6.0.1/24
ip addr add dev veth0 10.6.0.1/24
ip addr add 10.6.0.2/24 veth0
ip -br addr show dev veth0
