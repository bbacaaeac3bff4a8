#!/bin/bash
# The UDP sockets VXLAN devices hold beside the programs' ones: a device that is up owns a kernel
# socket on its port, bound to the wildcard of its family whatever its `local` (ss shows 0.0.0.0
# or [::], the IPv6 one V6ONLY), one per port and family; datagrams to it are the tunnel's (a
# -zuv probe draws no port unreachable and succeeds), a program's bind to that port fails (on any address of the family), and
# the socket goes when the last device on the port goes down (ss sorted: the kernel lists its
# sockets in an order a namespace seeds at random).
ip netns add a
ip netns add b
ip link add va netns a type veth peer name vb netns b
ip -n a addr add 10.0.0.1/24 dev va
ip -n b addr add 10.0.0.2/24 dev vb
ip -n a addr add 2001:db8::1/64 dev va nodad
ip -n b addr add 2001:db8::2/64 dev vb nodad
ip -n a link set va up
ip -n b link set vb up
ip -n a link set lo up
ip -n a link add vx4 type vxlan id 4 remote 10.0.0.2 local 10.0.0.1 dstport 4789
ip -n a link add vx6 type vxlan id 6 remote 2001:db8::2 local 2001:db8::1 dstport 4790
ip -n a link add vx7 type vxlan id 7 remote 2001:db8::3 dstport 4790
ip -n a link set vx4 up
ip -n a link set vx6 up
ip -n a link set vx7 up
ip netns exec a ss -uln | sort
ip netns exec b nc -u -zv -w 1 2001:db8::1 4790
echo "status $?"
ip netns exec b nc -u -zv -w 1 2001:db8::1 4791
echo "status $?"
ip netns exec a nc -6 -u -l 4791 > /dev/null &
ip netns exec a nc -6 -u -l 4790 > /dev/null &
ip netns exec a nc -u -l 127.0.0.1 4789 > /dev/null &
sleep 0.5
ip netns exec a ss -uln | sort
ip -n a link set vx6 down
ip netns exec a ss -uln | sort
ip -n a link set vx7 down
ip netns exec a ss -uan | sort
