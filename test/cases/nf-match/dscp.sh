# DiffServ marking: the DSCP target (mangle only) rewrites the TOS byte's top six bits, the dscp
# match tests them; an echo reply carries its request's TOS (icmp_reply), an ICMP error the
# offender's TOS bits with precedence 6 (0xc0): DSCP 0x36 for an EF packet; a router forwards
# the marking as it is. Listings of both backends, nft's view, and the tools' refusals.
ip netns add a
ip netns add r
ip netns add b
ip link add va netns a type veth peer name ra netns r
ip link add vb netns b type veth peer name rb netns r
ip -n a addr add 10.0.1.2/24 dev va
ip -n r addr add 10.0.1.1/24 dev ra
ip -n r addr add 10.0.2.1/24 dev rb
ip -n b addr add 10.0.2.2/24 dev vb
for ns in a r b; do ip -n $ns link set lo up; done
ip -n a link set va up
ip -n r link set ra up
ip -n r link set rb up
ip -n b link set vb up
ip -n a route add default via 10.0.1.1
ip -n b route add default via 10.0.2.1
ip netns exec r sysctl -qw net.ipv4.ip_forward=1
ip netns exec a iptables -t mangle -A OUTPUT -p icmp -d 10.0.2.0/24 -j DSCP --set-dscp-class EF
ip netns exec a iptables -t mangle -A OUTPUT -p icmp -d 10.0.1.0/24 -j DSCP --set-dscp 10
ip netns exec a iptables -t mangle -A INPUT -m dscp --dscp 46
ip netns exec a iptables -t mangle -A INPUT -m dscp --dscp 0x36
ip netns exec a iptables -t mangle -A INPUT -m dscp ! --dscp-class ef
ip netns exec r iptables -t mangle -A FORWARD -m dscp --dscp-class EF
ip netns exec r iptables -t mangle -A FORWARD -m dscp --dscp 0
ip netns exec r iptables-legacy -t mangle -A POSTROUTING -o rb -m dscp --dscp-class CS0 -j DSCP --set-dscp-class AF21
ip netns exec b iptables -t mangle -A INPUT -m dscp --dscp-class EF
ip netns exec b iptables -t mangle -A INPUT -m dscp --dscp-class af21
ip netns exec a ping -c 2 -i 0.2 10.0.2.2
ip netns exec a ping -c 1 -W 1 10.0.1.9
# the host unreachable comes when ARP gives up, 3 s after the ping: wait for it in both modes
sleep 3
ip netns exec a ping -c 1 -t 1 10.0.2.2
ip netns exec a ping -c 1 10.0.1.1
ip netns exec b ping -c 1 10.0.1.2
ip netns exec a iptables -t mangle -L -n -v -x
ip netns exec a iptables -t mangle -S
ip netns exec r iptables -t mangle -L FORWARD -n -v
ip netns exec r iptables-legacy -t mangle -L POSTROUTING -n -v
ip netns exec r iptables-legacy-save -t mangle | grep -v '^#'
ip netns exec b iptables -t mangle -L INPUT -v
ip netns exec a nft list table ip mangle
ip netns exec a iptables -A OUTPUT -j DSCP --set-dscp 1
ip netns exec a iptables -t mangle -A OUTPUT -j DSCP --set-dscp 64
ip netns exec a iptables -t mangle -A OUTPUT -j DSCP --set-dscp-class XX
ip netns exec a iptables -t mangle -A OUTPUT -j DSCP
ip netns exec a iptables -t mangle -A OUTPUT -j DSCP --set-dscp 1 --set-dscp-class EF
ip netns exec a iptables -t mangle -A OUTPUT -m dscp
ip netns exec a iptables -t mangle -A OUTPUT -m dscp --dscp 0x10 --dscp-class CS1
ip netns exec a iptables -t mangle -A OUTPUT -m dscp --dscp-class cs10
ip netns exec a iptables -t mangle -A OUTPUT -m dscp --dscp 077
ip netns exec a iptables -t mangle -S OUTPUT
ip netns exec a iptables-legacy -A INPUT -j DSCP --set-dscp 1
