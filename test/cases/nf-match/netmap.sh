# NETMAP: a 1:1 map of a whole network (192.168.1.0/24 seen from outside as 10.0.1.0/24), each
# address keeping its host bits — the source on the way out (POSTROUTING), the destination on
# the way in (PREROUTING); listings in both iptables backends, and iptables' and the kernel's
# refusals (no --to, a bad mask, the wrong table or chain).
ip netns add lan
ip netns add r
ip netns add wan
ip link add l0 netns lan type veth peer name rl netns r
ip link add w0 netns wan type veth peer name rw netns r
ip -n lan addr add 192.168.1.5/24 dev l0
ip -n r addr add 192.168.1.1/24 dev rl
ip -n r addr add 203.0.113.1/24 dev rw
ip -n wan addr add 203.0.113.7/24 dev w0
for ns in lan r wan; do ip -n $ns link set lo up; done
ip -n lan link set l0 up
ip -n r link set rl up
ip -n r link set rw up
ip -n wan link set w0 up
ip -n lan route add default via 192.168.1.1
ip -n wan route add 10.0.1.0/24 via 203.0.113.1
ip netns exec r sysctl -qw net.ipv4.ip_forward=1
ip netns exec r iptables -t nat -A PREROUTING -i rw -d 10.0.1.0/24 -j NETMAP --to 192.168.1.0/24
ip netns exec r iptables -t nat -A POSTROUTING -o rw -s 192.168.1.0/24 -j NETMAP --to 10.0.1.7/24
ip netns exec r iptables -t nat -S
ip netns exec r iptables -t nat -L -n -v
ip netns exec wan ping -c 2 -i 0.2 10.0.1.5
ip netns exec wan ping -c 1 -W 1 10.0.1.9
ip netns exec lan ping -c 2 -i 0.2 203.0.113.7
ip netns exec r conntrack -L -p icmp 2>&1 | sed 's/ id=[0-9]*//g' | sort
ip netns exec r iptables -t nat -L -n -v -x
ip netns exec r iptables -t nat -A PREROUTING -j NETMAP
ip netns exec r iptables -t nat -A PREROUTING -j NETMAP --to 10.2.0.0/abc
ip netns exec r iptables -t nat -A PREROUTING -j NETMAP ! --to 10.2.0.0/16
ip netns exec r iptables -t nat -A PREROUTING -j NETMAP --to 10.2.0.0/16 --to 10.3.0.0/16
ip netns exec r iptables -A FORWARD -j NETMAP --to 10.2.0.0/16
ip netns exec r iptables -t nat -A PREROUTING -j NETMAP --to 10.2.3.4/33
ip netns exec r iptables -t nat -A INPUT -j NETMAP --to 10.2.3.4/255.255.0.0
ip netns exec r iptables -t nat -A OUTPUT -j NETMAP --to 10.2.3.4/255.0.255.0
ip netns exec r iptables -t nat -A OUTPUT -j NETMAP --to localhost/8
ip netns exec r iptables-save -t nat | grep NETMAP
ip netns exec r iptables-legacy -t nat -A PREROUTING -d 10.9.0.0/16 -j NETMAP --to 172.16.0.0/16
ip netns exec r iptables-legacy -t nat -A POSTROUTING -j NETMAP --to 172.16.0.0/0
ip netns exec r iptables-legacy -t nat -S
ip netns exec r iptables-legacy -t nat -L PREROUTING -n
ip netns exec r iptables-legacy -t filter -A INPUT -j NETMAP --to 10.2.0.0/16
