# socat's own errors for the mistakes people make with tunnel lines: a bind address that is not
# the host's (the seed's copied block), a port already bound, a missing peer, a typo in an
# option or an address, an option of the wrong address type, a malformed tun address (found only
# after the device was made: its ifindex is used up), a tun name held or taken by another device.
ip link add v0 type veth peer name v1
ip addr add 192.168.0.16/24 dev v0
ip link set v0 up
ip link set v1 up
socat UDP:192.168.0.26:9000,bind=192.168.0.26:9000, TUN:1.1.0.100/16,tun-name=tundudp,iff-no-pi,tun-type=tun
socat UDP:192.168.0.26:9000,bind=192.168.0.26:9000, TUN:1.1.0.100/16,tun-name=tundudp,iff-no-pi,tun-type=tun &
ip link show tundudp
socat UDP:192.168.0.26,bind=192.168.0.16:9000 TUN:1.1.0.100/16,tun-name=tundudp
socat UDP:192.168.0.26:9000,bindx=192.168.0.16:9000 TUN:1.1.0.100/16,tun-name=tundudp
socat UPD:192.168.0.26:9000 TUN:1.1.0.100/16
socat UDP:192.168.0.26:9000 TUN:1.1.0.100/16,bind=192.168.0.16
socat UDP:192.168.0.26:9000 TUN:1.1.0.100/16,iff-up=yes
socat UDP:192.168.0.26:9000 TUN:1.1.0.100/16,tun-name
socat UDP:192.168.0.26:9000
socat UDP:10.9.9.9:9000 TUN:1.1.0.100/16
socat UDP:192.168.0.26:9000 TUN:1.1.0.100/16,tun-type=tunnel
socat UDP:192.168.0.26:9000 TUN:1.1.0.100/33,tun-name=bad0
socat UDP:192.168.0.26:9000 TUN:1.1.0..100/16,tun-name=bad1
socat UDP:192.168.0.26:9000 TUN:1.1.0.100,tun-name=bad2
socat UDP:192.168.0.26:9000 TUN:1.1.0.100/16x,tun-name=bad3
socat UDP:192.168.0.26:9000 TUN:1.1.0.100/16,tun-name=v0
socat TUN:1.1.0.100/16,tun-name=first UDP:192.168.0.26:9000,bind=192.168.0.99:9000
socat UDP:192.168.0.26:9000,bind=192.168.0.16:9000 TUN:1.1.0.100/16,tun-name=tundudp &
socat UDP:192.168.0.26:9000,bind=192.168.0.16:9000 TUN:2.1.0.100/16,tun-name=tundudp2 &
socat UDP:192.168.0.26:9001,bind=192.168.0.16:9001 TUN:2.1.0.100/16,tun-name=tundudp &
# in the foreground a working socat never returns: nettwin ends it and reports the line unmodelled
socat UDP:192.168.0.26:9000 TUN:1.1.0.100/16,tun-name=fg
ip link show fg
ip link add v2 type veth peer name v3
# (-br: which ifindex the failed tun attempts used up depends on how the background socats
# race under load, on the kernel as in the model)
ip -br link show v3
ip addr show tundudp
