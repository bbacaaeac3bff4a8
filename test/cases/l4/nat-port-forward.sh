#!/bin/bash
# TCP through a NAT router: a client behind MASQUERADE reaches a web server outside, and a
# port forward (DNAT on the router's outside address, port 8080 → the inside server's 80)
# reaches a server inside; conntrack's TCP entries are what carry the replies back, un-NATed.
# After the "Port forwarding with iptables" pattern of the NAT tutorials (e.g.
# https://www.digitalocean.com/community/tutorials/how-to-forward-ports-through-a-linux-gateway-with-iptables).
ip netns add inside
ip netns add router
ip netns add outside
ip link add i0 netns inside type veth peer name r0 netns router
ip link add o0 netns outside type veth peer name r1 netns router
ip -n inside addr add 192.168.10.2/24 dev i0
ip -n router addr add 192.168.10.1/24 dev r0
ip -n router addr add 203.0.113.1/24 dev r1
ip -n outside addr add 203.0.113.2/24 dev o0
ip -n inside link set i0 up
ip -n router link set r0 up
ip -n router link set r1 up
ip -n outside link set o0 up
ip -n inside route add default via 192.168.10.1
ip netns exec router sysctl -qw net.ipv4.ip_forward=1
ip netns exec outside python3 -m http.server 80 &
ip netns exec inside curl -s -m 2 -o /dev/null -w "%{http_code}\n" http://203.0.113.2/
echo "status $?"
ip netns exec router iptables -t nat -A POSTROUTING -s 192.168.10.0/24 -o r1 -j MASQUERADE
ip netns exec inside curl -s -m 2 -o /dev/null -w "%{http_code}\n" http://203.0.113.2/
echo "status $?"
ip netns exec inside python3 -m http.server 80 &
ip netns exec outside nc -zv -w 1 203.0.113.1 8080
echo "status $?"
ip netns exec router iptables -t nat -A PREROUTING -i r1 -p tcp --dport 8080 -j DNAT --to-destination 192.168.10.2:80
ip netns exec outside curl -s -o /dev/null -w '%{http_code}\n' http://203.0.113.1:8080/
echo "status $?"
ip netns exec outside nc -zv 203.0.113.1 8080
echo "status $?"
ip netns exec router iptables -t nat -vnL PREROUTING | tail -n 1
ip netns exec router iptables -A FORWARD -p tcp --dport 80 -d 192.168.10.2 -j REJECT
ip netns exec outside curl -s -w '%{http_code}\n' http://203.0.113.1:8080/
echo "status $?"
