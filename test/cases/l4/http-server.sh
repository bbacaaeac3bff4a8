#!/bin/bash
# python3 -m http.server in a namespace and curl from another: the directory listing (200),
# a missing file (404), HEAD, -w '%{http_code}', a server bound to one address, a port
# already taken.
ip netns add web
ip netns add client
ip link add w0 netns web type veth peer name c0 netns client
ip -n web addr add 172.16.0.1/24 dev w0
ip -n client addr add 172.16.0.2/24 dev c0
ip -n web link set w0 up
ip -n client link set c0 up
ip -n web link set lo up
ip netns exec web python3 -m http.server 8000 &
ip netns exec client curl -s http://172.16.0.1:8000/
echo "status $?"
ip netns exec client curl -s -o /dev/null -w '%{http_code}\n' http://172.16.0.1:8000/
ip netns exec client curl -s -o /dev/null -w '%{http_code}\n' http://172.16.0.1:8000/missing.txt
ip netns exec client curl -s http://172.16.0.1:8000/nothing
echo "status $?"
ip netns exec web curl -s -o /dev/null -w '%{http_code}\n' http://127.0.0.1:8000/
ip netns exec web python3 -m http.server 8080 --bind 127.0.0.1 &
ip netns exec client curl -s -w '%{http_code}\n' http://172.16.0.1:8080/
echo "status $?"
ip netns exec web curl -s -o /dev/null -w '%{http_code}\n' http://127.0.0.1:8080/
ip netns exec client curl -s -w '%{http_code}\n' http://172.16.0.1:9999/
echo "status $?"
