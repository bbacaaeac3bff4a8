# Re-runnable setup in the style of many gists (e.g. the "sudo ip link del dev ns1-veth0 || true"
# preamble found by code search): clean up first, ignoring failures, then build.
sudo ip link del dev ns1-veth0 || true
sudo ip netns del ns1 || true
sudo ip link del br0 2>/dev/null || true

sudo ip netns add ns1
sudo ip link add name ns1-veth0 type veth peer name ns1-veth1
sudo ip link set ns1-veth1 netns ns1
sudo ip link set ns1-veth0 up
sudo ip netns exec ns1 ip address add 10.0.0.1/24 dev ns1-veth1
sudo ip netns exec ns1 ip link set ns1-veth1 up

# a second run of the same lines: every create fails, the || true keeps going
sudo ip netns add ns1 || true
sudo ip link add name ns1-veth0 type veth peer name ns1-veth1 || true
sudo ip netns exec ns1 ip address add 10.0.0.1/24 dev ns1-veth1 || true
sudo ip netns exec ns1 ip -br addr
