# Typos in the object or the verb, as made when typing a tutorial by hand.
ip lnik add veth0 type veth peer name veth1
ip link ad veth0 type veth peer name veth1
ip link add veth0 type veht peer name veth1
ip link add veth0 type veth peer name
ip link add veth0 type veth peer name veth1
ip link set veth0 upp
ip adr add 10.0.0.1/24 dev veth0
ip addr ad 10.0.0.1/24 dev veth0
ip route addd default via 10.0.0.2
ip netns ad ns1
ip -br lnk
ip -br link
