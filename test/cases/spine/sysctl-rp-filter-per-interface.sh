# rp_filter and forwarding per interface, and conf/default for interfaces made later.
ip link add veth0 type veth peer name veth1
sysctl net.ipv4.conf.all.rp_filter
sysctl net.ipv4.conf.default.rp_filter
sysctl net.ipv4.conf.veth0.rp_filter
sysctl -w net.ipv4.conf.default.rp_filter=2
ip link add veth2 type veth peer name veth3
sysctl net.ipv4.conf.veth2.rp_filter
sysctl net.ipv4.conf.veth0.rp_filter
sysctl -w net.ipv4.conf.veth0.rp_filter=0
echo 1 > /proc/sys/net/ipv4/conf/veth1/forwarding
cat /proc/sys/net/ipv4/conf/veth1/forwarding
sysctl net.ipv4.conf.all.forwarding
sysctl -w net.ipv4.conf.all.forwarding=1
sysctl net.ipv4.conf.veth0.forwarding net.ipv4.ip_forward
