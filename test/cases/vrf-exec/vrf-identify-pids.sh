# `ip vrf identify` and `ip vrf pids` around a VRF with a port: no process is in a VRF's cgroup
# (nothing ran `ip vrf exec`), so identify prints nothing and pids lists no process; their
# refusals in iproute2's words; the VRF's ports (`ip -br link show vrf`) and a ping bound to it.
ip link add vrf0 type vrf table 10
ip link set vrf0 up
ip link add veth0 type veth peer name veth1
ip link set veth0 master vrf0
ip addr add 10.0.0.1/24 dev veth0
ip addr add 10.0.0.2/24 dev veth1
ip link set veth0 up
ip link set veth1 up
ip vrf show
ip vrf identify
ip vrf id
ip vrf identify 1 2
ip vrf identify abc
ip vrf pids vrf0
ip vrf pids
ip vrf pids vrf0 extra
ip vrf pids veth0
ip vrf pids nosuch
ip vrf bogus
ip -br link show vrf vrf0
ip -br addr show vrf vrf0
ip vrf show vrf0
ip vrf show nosuch
ip route show vrf vrf0
