# Deleting an address that is not there, or with the wrong prefix length.
ip link add veth0 type veth peer name veth1
ip addr add 10.5.0.1/24 dev veth0
ip addr del 10.5.0.2/24 dev veth0
ip addr del 10.5.0.1/16 dev veth0
ip addr del 10.5.0.1 dev veth0
ip addr show veth0
ip addr del 10.5.0.1/24 dev veth1
ip addr del 10.5.0.1/24 dev veth0
