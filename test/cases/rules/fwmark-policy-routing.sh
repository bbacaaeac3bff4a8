#!/bin/bash
# Policy routing by firewall mark, as "two uplinks" tutorials build it (e.g. the LARTC HOWTO's
# "Netfilter & iproute - marking packets", https://lartc.org/howto/lartc.netfilter.html, and
# the many "route traffic by port/source with iptables MARK + ip rule fwmark" blog posts): a
# router marks a LAN host's packets in mangle PREROUTING and `ip rule fwmark` sends them out the
# second uplink; locally sent packets marked in mangle OUTPUT are routed again
# (ip_route_me_harder), keeping the source address they were given first.
ip netns add r
ip netns add isp1
ip netns add isp2
ip netns add lan
ip link add r-isp1 netns r type veth peer name isp1-r netns isp1
ip link add r-isp2 netns r type veth peer name isp2-r netns isp2
ip link add r-lan netns r type veth peer name lan-r netns lan
ip -n r addr add 100.64.1.2/30 dev r-isp1
ip -n isp1 addr add 100.64.1.1/30 dev isp1-r
ip -n r addr add 100.64.2.2/30 dev r-isp2
ip -n isp2 addr add 100.64.2.1/30 dev isp2-r
ip -n r addr add 192.168.10.1/24 dev r-lan
ip -n lan addr add 192.168.10.5/24 dev lan-r
ip -n lan addr add 192.168.10.6/24 dev lan-r
for n in r isp1 isp2 lan; do for d in $(ip -n $n -o link show | awk -F': ' '{print $2}' | cut -d@ -f1); do ip -n $n link set $d up; done; done
ip -n lan route add default via 192.168.10.1
ip netns exec r sysctl -qw net.ipv4.ip_forward=1
# both uplinks answer for 8.8.8.8; only isp2 knows the router's isp2 address as a way back
ip -n isp1 addr add 8.8.8.8/32 dev lo
ip -n isp2 addr add 8.8.8.8/32 dev lo
ip -n isp1 route add 192.168.10.0/24 via 100.64.1.2
ip -n isp2 route add 192.168.10.0/24 via 100.64.2.2
ip -n r route add default via 100.64.1.1
ip -n r route add default via 100.64.2.1 table 102
ip -n r rule add fwmark 2 lookup 102 pref 1000
ip netns exec r iptables -t mangle -A PREROUTING -i r-lan -s 192.168.10.6 -j MARK --set-mark 2
ip netns exec lan ping -c1 -I 192.168.10.5 8.8.8.8
ip netns exec lan ping -c1 -I 192.168.10.6 8.8.8.8
ip netns exec r iptables -t mangle -L PREROUTING -v -n -x
ip netns exec isp1 iptables -L INPUT -v -n -x
ip -n r route get 8.8.8.8 from 192.168.10.6 iif r-lan mark 2
ip -n r route get 8.8.8.8 from 192.168.10.6 iif r-lan
# the router's own pings: marked in OUTPUT, routed again out isp2, from isp1's address
ip netns exec r ping -c1 -W1 8.8.8.8
ip netns exec r iptables -t mangle -A OUTPUT -d 8.8.8.8 -p icmp -j MARK --set-mark 2
ip netns exec r ping -c1 -W1 8.8.8.8
ip -n isp2 route add 100.64.1.0/30 via 100.64.2.2
ip netns exec r ping -c1 -W1 8.8.8.8
ip netns exec r iptables -t nat -A POSTROUTING -o r-isp2 -j MASQUERADE
ip netns exec r ping -c1 -W1 8.8.8.8
ip netns exec r iptables -t mangle -S
ip -n r rule
ip -all netns delete
