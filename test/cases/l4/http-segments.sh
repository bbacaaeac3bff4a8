# curl against python3 -m http.server through a DNAT and a FORWARD policy DROP, counted per
# kind of segment. Measured with tcpdump here: the server ACKs the request at once (quick-ack),
# sends the headers ~0.9 ms later and the body only once the headers are ACKed (two send()s,
# Nagle); curl ACKs each and closes once it has Content-Length bytes. Who closes first races
# (python's FIN comes ~50 µs after the body, curl's ~200 µs), so the pure ACKs of the close are
# not counted: only SYNs, FINs and data segments (PSH), which every run of the kernel agrees on.
ip netns add web
ip netns add client
ip link add br0 type bridge
ip link set br0 up
ip addr add 172.20.0.1/24 dev br0
ip link add veth-web type veth peer name eth0 netns web
ip link set veth-web master br0 up
ip -n web addr add 172.20.0.10/24 dev eth0
ip -n web link set eth0 up
ip -n web link set lo up
ip -n web route add default via 172.20.0.1
ip link add veth-cl type veth peer name eth0 netns client
ip addr add 10.99.0.1/30 dev veth-cl
ip link set veth-cl up
ip -n client addr add 10.99.0.2/30 dev eth0
ip -n client link set eth0 up
ip -n client route add default via 10.99.0.1
sysctl -w net.ipv4.ip_forward=1
iptables -t nat -A PREROUTING -p tcp --dport 8080 -j DNAT --to-destination 172.20.0.10:80
iptables -P FORWARD DROP
iptables -N SEGS
iptables -A FORWARD -p tcp -j SEGS
iptables -A SEGS -p tcp --tcp-flags SYN SYN
iptables -A SEGS -p tcp --tcp-flags FIN FIN
iptables -A SEGS -p tcp -d 172.20.0.10 --tcp-flags PSH PSH
iptables -A SEGS -p tcp -s 172.20.0.10 --tcp-flags PSH PSH
iptables -A FORWARD -p tcp -d 172.20.0.10 --dport 80 -j ACCEPT
iptables -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
ip netns exec web python3 -m http.server 80 --bind 172.20.0.10 > /dev/null 2>&1 &
sleep 1
ip netns exec client curl -s -o /dev/null -w '%{http_code}\n' http://10.99.0.1:8080/
ip netns exec client curl -s -o /dev/null -w '%{http_code}\n' http://10.99.0.1:8080/nope
# to port 80 named in the URL: curl leaves it out of Host, and the request is 3 bytes shorter
ip netns exec client curl -s -o /dev/null -w '%{http_code}\n' http://172.20.0.10:80/
sleep 0.5
iptables -L SEGS -n -v -x
