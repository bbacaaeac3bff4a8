#!/bin/bash
# A dual-stack service: python3 -m http.server --bind :: (IPV6_V6ONLY off) answers IPv4 and
# IPv6 clients on one socket; ss shows it as *:8000 (which side of each exchange closes first,
# and so waits in TIME-WAIT, varied from run to run: the connections are not listed). Without --bind it
# takes getaddrinfo's first passive answer, which glibc sorts by the source each would be
# reached from: 0.0.0.0 where lo is up, :: where it is down. An nc listener on 0.0.0.0 takes
# IPv4 only.
ip netns add s
ip netns add c
ip link add s0 netns s type veth peer name c0 netns c
ip -n s addr add 10.7.0.1/24 dev s0
ip -n c addr add 10.7.0.2/24 dev c0
ip -n s addr add fd00:7::1/64 dev s0 nodad
ip -n c addr add fd00:7::2/64 dev c0 nodad
ip -n s link set s0 up
ip -n c link set c0 up
ip -n s link set lo up
ip netns exec s python3 -m http.server 8000 --bind :: &
sleep 1
ip netns exec s ss -tln
ip netns exec c curl -s -o /dev/null -w '%{http_code}\n' http://10.7.0.1:8000/
ip netns exec c curl -s -o /dev/null -w '%{http_code}\n' http://[fd00:7::1]:8000/
ip netns exec s curl -s -o /dev/null -w '%{http_code}\n' http://[::1]:8000/
ip netns exec s curl -s -o /dev/null -w '%{http_code}\n' http://127.0.0.1:8000/
ip netns exec s python3 -m http.server 8001 &
ip netns exec c python3 -m http.server 8002 &
sleep 1
ip netns exec s ss -tln | grep 8001
ip netns exec c ss -tln | grep 8002
ip netns exec c curl -s -o /dev/null -w '%{http_code}\n' http://[fd00:7::1]:8001/
echo "status $?"
ip netns exec s nc -l 7000 &
sleep 1
ip netns exec c nc -zv fd00:7::1 7000
echo "status $?"
ip netns exec c nc -zv 10.7.0.1 7000
echo "status $?"
