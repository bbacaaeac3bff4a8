#!/bin/bash
# addr_gen_mode 2 (stable privacy, RFC 7217) and stable_secret: reading a secret never written
# fails in silence; conf/all's cannot be written; a device's secret switches it to mode 2 and
# its next configuration (up, or down and up; not the write itself) takes the id SHA-1 makes of the secret and the
# prefix; conf/default's secret switches every device there (lo too, not default's own
# addr_gen_mode) and goes with every device made later; mode 2 without a secret is refused on a
# device but taken by all and default, and then a device gets no link-local at all. SLAAC
# from an RA uses the secret with the RA's prefix (2001:db8:1::/64), which the comparison sees
# unmasked (test/real/ipv6-stable-privacy.test.ts compares the link-locals byte for byte too).
ip netns add A
ip netns add B
ip link add va netns A type veth peer name vb netns B
ip netns exec A sysctl net.ipv6.conf.va.stable_secret
ip netns exec A sysctl -n net.ipv6.conf.all.stable_secret
ip netns exec A sysctl -w net.ipv6.conf.all.stable_secret=2001:db8::1
ip netns exec A sysctl -w net.ipv6.conf.va.addr_gen_mode=2
ip netns exec A sysctl -w net.ipv6.conf.va.stable_secret=bogus
ip netns exec A sysctl -w net.ipv6.conf.va.stable_secret=10.0.0.1
ip netns exec A sysctl -w net.ipv6.conf.va.stable_secret=2001:db8::1/64
ip netns exec A sysctl -w net.ipv6.conf.nope.stable_secret=2001:db8::1
ip netns exec A sysctl -w net.ipv6.conf.va.stable_secret=2001:db8::1234
ip netns exec A sysctl net.ipv6.conf.va.stable_secret net.ipv6.conf.va.addr_gen_mode
ip netns exec A sysctl -w net.ipv6.conf.va.addr_gen_mode=2
ip -n A link set va up
ip -n B link set vb up
ip -n A -6 addr show dev va
ip -n A -j -6 addr show dev va
ip -n A -d link show va
ip netns exec A sysctl -w net.ipv6.conf.default.stable_secret=fd00::42
ip netns exec A sysctl net.ipv6.conf.lo.addr_gen_mode net.ipv6.conf.default.addr_gen_mode net.ipv6.conf.all.addr_gen_mode net.ipv6.conf.default.stable_secret
ip -n A link add vc type veth peer name vd netns B
ip netns exec A sysctl net.ipv6.conf.vc.stable_secret net.ipv6.conf.vc.addr_gen_mode
ip netns exec B sysctl net.ipv6.conf.vd.stable_secret net.ipv6.conf.vd.addr_gen_mode
ip -n A link set vc up
ip -n B link set vd up
ip -n A -6 addr show dev vc
ip -n B -6 addr show dev vd
ip -n B -6 addr show dev vb
ip netns exec B sysctl -w net.ipv6.conf.vb.stable_secret=::1
ip -n B -6 addr show dev vb
ip -n B link set vb down
ip -n B link set vb up
ip -n B -6 addr show dev vb
ip netns exec B sysctl -w net.ipv6.conf.vb.stable_secret=" 2001:db8::5 "
ip netns exec B sysctl net.ipv6.conf.vb.stable_secret
ip netns exec A ra6 -i va -d ff02::1 -t 300 -P 2001:db8:1::/64#LA
ip -n B -6 addr show dev vb scope global
ip netns add C
ip link add vx netns C type veth peer name vy netns C
ip netns exec C sysctl -w net.ipv6.conf.default.addr_gen_mode=2
ip netns exec C sysctl -w net.ipv6.conf.all.addr_gen_mode=2
ip netns exec C sysctl net.ipv6.conf.vx.addr_gen_mode
ip -n C link set vx up
ip -n C link set vy up
ip -n C -6 addr show dev vx
ip -n C -6 route show table all dev vx
