# ping -s beyond an IPv4 datagram: an ICMP message over 0xFFFF bytes is refused by raw_sendmsg
# before any error is queued (counted without a word); a datagram over 0xFFFF with its headers is
# ip_append_data's EMSGSIZE with the path MTU ("local error", +N errors; less the options with -R).
ip netns add a
ip netns add b
ip link add va netns a type veth peer name vb netns b
ip -n a addr add 10.0.0.1/24 dev va
ip -n b addr add 10.0.0.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up
ip netns exec a ping -M do -s 118972 -c 1 10.0.0.2
ip netns exec a ping -s 65508 -c 2 -i 0.2 10.0.0.2
ip netns exec a ping -s 65507 -c 1 10.0.0.2
ip netns exec a ping -s 70000 -c 1 -R 10.0.0.2
ip netns exec a ping -s 65490 -c 1 -R 10.0.0.2
