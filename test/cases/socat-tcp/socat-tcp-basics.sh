#!/bin/bash
# socat's TCP addresses with /dev/null and STDIO: listeners in the background (one connection
# each, then they exit 0), clients in the foreground, over IPv4 and IPv6, through a veth pair
# between two namespaces; socat's own errors and statuses: refused, unreachable, an address to
# bind that is not local, a port taken, a host of the other family, a bad parameter count and
# option; -u and -U; ipv6only.
ip netns add a
ip netns add b
ip link add va netns a type veth peer name vb netns b
ip -n a addr add 10.0.0.1/24 dev va
ip -n b addr add 10.0.0.2/24 dev vb
ip -n a addr add 2001:db8::1/64 dev va nodad
ip -n b addr add 2001:db8::2/64 dev vb nodad
ip -n a link set va up
ip -n b link set vb up
ip -n a link set lo up
ip -n b link set lo up
sleep 1
# a listener bound to one address, reached from the other namespace
ip netns exec b socat TCP4-LISTEN:8080,bind=10.0.0.2,reuseaddr /dev/null &
ip netns exec a socat /dev/null TCP4:10.0.0.2:8080
echo "client: $?"
# nothing listens any more: refused
ip netns exec a socat /dev/null TCP4:10.0.0.2:8080
echo "refused: $?"
ip netns exec a socat TCP:10.0.0.2:8080 /dev/null
ip netns exec a socat - TCP:10.0.0.2:8080
# no route
ip netns exec a socat /dev/null TCP4:192.0.2.1:80
echo "unreachable: $?"
# IPv6, listener first
ip netns exec b socat TCP6-LISTEN:8081 /dev/null &
echo hello | ip netns exec a socat - TCP6:[2001:db8::2]:8081
echo "v6 client: $?"
# a dual-stack listener takes IPv4
ip netns exec b socat /dev/null TCP6-LISTEN:8082 &
ip netns exec a socat /dev/null TCP:10.0.0.2:8082
echo "mapped: $?"
# ipv6only: an IPv4 client is refused, the listener stays
ip netns exec b socat /dev/null TCP6-LISTEN:8083,ipv6only &
ip netns exec a socat /dev/null TCP4:10.0.0.2:8083
echo "v6only v4: $?"
ip netns exec a socat /dev/null TCP6:[2001:db8::2]:8083
echo "v6only v6: $?"
# bind errors
ip netns exec b socat /dev/null TCP4-LISTEN:8084,bind=10.0.0.1
echo "not local: $?"
ip netns exec b socat /dev/null TCP4-LISTEN:8085 &
ip netns exec b socat /dev/null TCP-LISTEN:8085
echo "in use: $?"
ip netns exec b socat /dev/null TCP6-LISTEN:8085
echo "in use v6: $?"
ip netns exec a socat /dev/null TCP4:10.0.0.2:8085,bind=10.0.0.9
echo "client bind: $?"
ip netns exec a socat /dev/null TCP4:10.0.0.2:8085,bind=10.0.0.1
echo "client bind local: $?"
# getaddrinfo's family errors, parse errors
ip netns exec a socat /dev/null TCP4:[2001:db8::2]:80
ip netns exec a socat /dev/null TCP6:10.0.0.2:80
ip netns exec a socat /dev/null TCP4-LISTEN:80,bind=[2001:db8::1]
ip netns exec a socat /dev/null TCP4:10.0.0.2
ip netns exec a socat /dev/null TCP4-LISTEN
ip netns exec a socat /dev/null TCP4-LISTEN:80,bogus
ip netns exec a socat /dev/null TCP4-LISTEN:80,tun-name=x
ip netns exec a socat /dev/null TCP4-LISTEN:80,reuseaddr=x
echo "parse: $?"
# one direction only
ip netns exec b socat -u /dev/null TCP4-LISTEN:8086 &
ip netns exec a socat -U /dev/null TCP4:10.0.0.2:8086
echo "-U: $?"
ip netns exec b socat -U TCP4-LISTEN:8087 /dev/null &
ip netns exec a socat -u /dev/null TCP4:10.0.0.2:8087
echo "-u: $?"
ip netns exec a ss -tln
ip netns exec b ss -tln
