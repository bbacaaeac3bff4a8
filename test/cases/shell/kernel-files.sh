#!/usr/bin/env bash
# The kernel's files people read: /sys/class/net/IF/ATTR, `ls /sys/class/net`, /proc/net/route,
# and /proc/sys through `echo >`, `tee` and `bash -c` inside a namespace.
ip netns add r
ip link add a0 type veth peer name a1 netns r
ip addr add 10.7.0.1/24 dev a0
ip -n r addr add 10.7.0.2/24 dev a1
cat /sys/class/net/a0/mtu /sys/class/net/a0/operstate /sys/class/net/a0/ifindex /sys/class/net/a0/iflink /sys/class/net/a0/type
cat /sys/class/net/a0/carrier
ip link set a0 up
cat /sys/class/net/a0/carrier /sys/class/net/a0/operstate /sys/class/net/a0/flags
ip -n r link set a1 up
cat /sys/class/net/a0/carrier /sys/class/net/a0/operstate
ip netns exec r cat /sys/class/net/a1/iflink /sys/class/net/a1/tx_queue_len
ls /sys/class/net
ip netns exec r ls /sys/class/net
[ -d /sys/class/net/a0 ] && echo "a0 is here"
[ -e /sys/class/net/a1 ] || echo "a1 is not here"
ip link add br9 type bridge
ip link set a0 master br9
cat /sys/class/net/a0/flags /sys/class/net/br9/address | wc -l
ip route add 10.8.0.0/16 via 10.7.0.2
cat /proc/net/route
ip netns exec r cat /proc/net/route
ip netns exec r bash -c 'echo 1 > /proc/sys/net/ipv4/ip_forward'
ip netns exec r sysctl net.ipv4.ip_forward
sysctl net.ipv4.ip_forward
echo 1 | tee /proc/sys/net/ipv4/conf/a0/rp_filter > /dev/null
cat /proc/sys/net/ipv4/conf/a0/rp_filter
printf '2\n' > /proc/sys/net/ipv4/conf/all/rp_filter
sysctl -n net.ipv4.conf.all.rp_filter
ip netns identify
ip netns exec r ip netns identify
ip netns pids r
ip netns pids nope
ip netns identify x
