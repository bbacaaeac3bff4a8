#!/bin/bash
# IPv6 and MTUs between namespaces: `ping -6 -M do` over the device MTU is refused at the
# sender (sendmsg EMSGSIZE: "local error: message too long, mtu: 1500", counted as an error);
# a router whose way out is narrower answers "packet too big" and the sender learns the path
# MTU (ip route get shows it); the next probe leaves in fragments — and its echo reply, sent
# whole by a host whose own link is wider, is dropped by the veth whose peer has the smaller MTU
# (is_skb_forwardable: a frame larger than the receiving end's MTU never arrives), so it is
# lost too. With both ends of that veth at 1280, replies come back.
ip netns add a
ip netns add b
ip netns add r
ip link add a0 netns a type veth peer name ra netns r
ip link add b0 netns b type veth peer name rb netns r
ip -n a link set a0 up
ip -n b link set b0 up
ip -n r link set ra up
ip -n r link set rb up
ip -n a -6 addr add 2001:db8:a::2/64 dev a0 nodad
ip -n b -6 addr add 2001:db8:b::2/64 dev b0 nodad
ip -n r -6 addr add 2001:db8:a::1/64 dev ra nodad
ip -n r -6 addr add 2001:db8:b::1/64 dev rb nodad
ip netns exec r sysctl -qw net.ipv6.conf.all.forwarding=1
ip -n a -6 route add default via 2001:db8:a::1
ip -n b -6 route add default via 2001:db8:b::1
ip netns exec a ping -6 -c 2 -i 0.2 2001:db8:b::2
ip netns exec a ping -6 -c1 -s 1500 -M do 2001:db8:b::2
ip netns exec a ping -6 -c1 -s 1452 -M do 2001:db8:b::2
ip -n r link set rb mtu 1280
ip netns exec a ping -6 -c1 -s 1300 2001:db8:b::2
ip -n a -6 route get 2001:db8:b::2 | sed 's/expires [0-9]*sec //'
ip netns exec a ping -6 -c1 -W 2 -s 1300 2001:db8:b::2
ip netns exec a ping -6 -c1 -s 1300 -M do 2001:db8:b::2
ip netns exec a ping -6 -c1 -s 1200 2001:db8:b::2
ip -n b link set b0 mtu 1280
ip netns exec a ping -6 -c1 -W 2 -s 1300 2001:db8:b::2
ip -all netns delete
