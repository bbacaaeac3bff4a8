# Interface names are at most 15 characters; descriptive names overflow.
ip netns add frontend
ip link add veth-frontend-host type veth peer name veth-frontend-ns
ip link add veth-fe-host type veth peer name veth-frontend-ns
ip link add veth-fe-host type veth peer name veth-fe-ns
ip link add name bridge-frontend0 type bridge
ip link add name br-frontend0 type bridge
ip -br link
