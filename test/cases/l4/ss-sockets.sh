#!/bin/bash
# ss's view of the sockets: an empty namespace, one TCP listener (nc's backlog 1, http.server's
# 5), one UDP socket (nc -u -l), the connection states after an HTTP exchange (the server
# closes first: its side waits in TIME-WAIT, the client's is gone).
ip netns add s
ip netns add c
ip link add s0 netns s type veth peer name c0 netns c
ip -n s addr add 10.1.0.1/24 dev s0
ip -n c addr add 10.1.0.2/24 dev c0
ip -n s link set s0 up
ip -n c link set c0 up
ip netns exec s ss -lnt
ip netns exec s ss -tan
ip netns exec s ss -lnu
ip netns exec s nc -l 7000 &
ip netns exec s ss -lnt
ip netns exec s ss -ltn
ip netns exec c nc -u -l 5000 &
ip netns exec c ss -lnu
ip netns exec c ss -unl
ip netns add w
ip link add w0 netns w type veth peer name c1 netns c
ip -n w addr add 10.2.0.1/24 dev w0
ip -n c addr add 10.2.0.2/24 dev c1
ip -n w link set w0 up
ip -n c link set c1 up
ip netns exec w python3 -m http.server 8000 &
ip netns exec w ss -lnt
ip netns exec c curl -s -o /dev/null -w '%{http_code}\n' http://10.2.0.1:8000/
ip netns exec c ss -tn
ip netns exec w ss -tn
