#!/bin/bash
# net.ipv6.conf propagation (addrconf_sysctl_*): all.forwarding, all.disable_ipv6 and
# all.addr_gen_mode reach default and every device; default reaches only devices made later;
# a device's own value only itself. disable_ipv6 removes every IPv6 address (lo's ::1
# included) and refuses new ones; enabling it again brings ::1 back. Ranges are checked.
ip link add va type veth peer name vb
sysctl net.ipv6.conf.all.forwarding net.ipv6.conf.default.forwarding net.ipv6.conf.va.forwarding net.ipv6.conf.lo.forwarding
sysctl net.ipv6.conf.all.accept_dad net.ipv6.conf.default.accept_dad net.ipv6.conf.lo.accept_dad net.ipv6.conf.va.accept_dad
sysctl net.ipv6.conf.all.mtu net.ipv6.conf.lo.mtu net.ipv6.conf.va.mtu net.ipv6.conf.va.use_tempaddr net.ipv6.conf.lo.use_tempaddr
sysctl -w net.ipv6.conf.default.accept_ra=0
ip link add vc type veth peer name vd
sysctl net.ipv6.conf.va.accept_ra net.ipv6.conf.vc.accept_ra
sysctl -w net.ipv6.conf.all.forwarding=1
sysctl net.ipv6.conf.all.forwarding net.ipv6.conf.default.forwarding net.ipv6.conf.va.forwarding net.ipv6.conf.lo.forwarding
sysctl -w net.ipv6.conf.va.forwarding=0
sysctl -w net.ipv6.conf.default.forwarding=0
sysctl net.ipv6.conf.all.forwarding net.ipv6.conf.default.forwarding net.ipv6.conf.va.forwarding net.ipv6.conf.vb.forwarding
sysctl -w net.ipv6.conf.all.accept_ra=2
sysctl net.ipv6.conf.va.accept_ra net.ipv6.conf.default.accept_ra
sysctl -w net.ipv6.conf.all.addr_gen_mode=1
sysctl net.ipv6.conf.va.addr_gen_mode net.ipv6.conf.default.addr_gen_mode
ip link add ve type veth peer name vf
sysctl net.ipv6.conf.ve.addr_gen_mode
ip -d link show ve
sysctl -w net.ipv6.conf.va.addr_gen_mode=5
sysctl -w net.ipv6.conf.va.addr_gen_mode=2
sysctl -w net.ipv6.conf.va.addr_gen_mode=3
sysctl -w net.ipv6.conf.va.hop_limit=0
sysctl -w net.ipv6.conf.va.hop_limit=255
sysctl -w net.ipv6.conf.va.mtu=1000
sysctl -w net.ipv6.conf.va.mtu=1600
sysctl -w net.ipv6.conf.va.mtu=1400
sysctl net.ipv6.conf.va.mtu
sysctl -w net.ipv6.conf.va.accept_dad=x
sysctl -w net.ipv6.conf.nosuch.disable_ipv6=1
sysctl -w net.ipv6.conf.all.disable_ipv6=1
sysctl net.ipv6.conf.default.disable_ipv6 net.ipv6.conf.va.disable_ipv6 net.ipv6.conf.lo.disable_ipv6
ip -6 addr
ip link add vg type veth peer name vh
sysctl net.ipv6.conf.vg.disable_ipv6
ip -6 addr add 2001:db8::1/64 dev vg
sysctl -w net.ipv6.conf.all.disable_ipv6=0
ip -6 addr
sysctl net.ipv6.conf.default.disable_ipv6 net.ipv6.conf.vg.disable_ipv6
sysctl -w net.ipv6.conf.default.disable_ipv6=1
sysctl net.ipv6.conf.all.disable_ipv6 net.ipv6.conf.va.disable_ipv6
ip link add vi type veth peer name vj
sysctl net.ipv6.conf.vi.disable_ipv6
sysctl -w net.ipv6.conf.va.disable_ipv6=2
sysctl net.ipv6.conf.va.disable_ipv6
ip -6 addr add 2001:db8::1/64 dev va
cat /proc/sys/net/ipv6/conf/va/disable_ipv6
echo 0 > /proc/sys/net/ipv6/conf/va/disable_ipv6
sysctl net.ipv6.conf.all.keep_addr_on_down net.ipv6.conf.all.dad_transmits net.ipv6.conf.all.autoconf net.ipv6.conf.all.proxy_ndp net.ipv6.conf.all.router_solicitations net.ipv6.conf.default.router_solicitation_interval
