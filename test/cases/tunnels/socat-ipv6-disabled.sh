# The seed's tunnel again, with IPv6 turned off first in the namespace that brings its tun up
# early: the tun has no IPv6 (disable_ipv6 reaches default, so new devices copy it), the kernel
# sends nothing through it, and socat lives until the far end listens. Turned back on for the
# device, the kernel's first IPv6 packets (an MLD report, a router solicitation) go through the
# tunnel at once — now to a socat that listens, so nothing dies.
ip netns add a
ip netns add b
ip link add va type veth peer name vb
ip link set va netns a
ip link set vb netns b
ip -n a addr add 192.168.0.16/24 dev va
ip -n a link set va up
ip -n b addr add 192.168.0.26/24 dev vb
ip -n b link set vb up
ip netns exec a sysctl -w net.ipv6.conf.all.disable_ipv6=1
ip netns exec a socat UDP:192.168.0.26:9000,bind=192.168.0.16:9000 TUN:10.0.0.1/24,tun-name=t1,iff-no-pi,iff-up &
ip -n a link show t1
ip -n a -6 addr show dev t1
ip netns exec b socat UDP:192.168.0.16:9000,bind=192.168.0.26:9000 TUN:10.0.0.2/24,tun-name=t1,iff-no-pi,iff-up &
ip netns exec a ping -c 1 -W 1 10.0.0.2
ip netns exec a sysctl -w net.ipv6.conf.t1.disable_ipv6=0
ip -n a link show t1
ip netns exec a ping -c 1 -W 1 10.0.0.2
