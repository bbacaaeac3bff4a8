#!/bin/bash
# lint dnat-no-forward-accept, not triggered: the same port forward with the accept for
# connections DNAT made; the inside server answers through the router.
ip netns add o
ip netns add r
ip netns add s
ip link add o0 netns o type veth peer name r0 netns r
ip link add s0 netns s type veth peer name r1 netns r
ip -n o addr add 203.0.113.2/24 dev o0
ip -n r addr add 203.0.113.1/24 dev r0
ip -n r addr add 192.168.1.1/24 dev r1
ip -n s addr add 192.168.1.2/24 dev s0
ip -n o link set o0 up
ip -n r link set r0 up
ip -n r link set r1 up
ip -n s link set s0 up
ip -n s route add default via 192.168.1.1
ip netns exec r sysctl -qw net.ipv4.ip_forward=1
ip netns exec r iptables -P FORWARD DROP
ip netns exec r iptables -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
ip netns exec r iptables -A FORWARD -i r1 -o r0 -j ACCEPT
ip netns exec r iptables -t nat -A PREROUTING -i r0 -d 203.0.113.1 -p icmp -j DNAT --to-destination 192.168.1.2
ip netns exec r iptables -A FORWARD -i r0 -d 192.168.1.2/32 -m conntrack --ctstate DNAT -j ACCEPT
ip netns exec o ping -c 1 -W 1 203.0.113.1
ip netns exec r iptables -L FORWARD -n -v -x
