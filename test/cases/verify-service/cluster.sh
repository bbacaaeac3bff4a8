#!/bin/bash
# Two services on a node, as kube-proxy's iptables mode writes them: a client c behind the node
# n, three endpoint namespaces e1 e2 e3 on n's bridge. 10.96.0.10:80 spreads over three
# endpoints on 8080 (KUBE-SERVICES → KUBE-SVC-A with -m statistic → KUBE-SEP-…), all
# listening; 10.96.0.11:80 leads to e3:9090, where nothing listens.
ip netns add c
ip netns add n
ip netns add e1
ip netns add e2
ip netns add e3
ip link add c0 netns c type veth peer name n0 netns n
ip -n c addr add 192.168.7.2/24 dev c0
ip -n n addr add 192.168.7.1/24 dev n0
ip -n c link set c0 up
ip -n n link set n0 up
ip -n c route add default via 192.168.7.1
ip -n n link add br0 type bridge
ip -n n addr add 10.244.0.1/24 dev br0
ip -n n link set br0 up
for i in 1 2 3; do
  ip link add eth0 netns e$i type veth peer name ve$i netns n
  ip -n n link set ve$i master br0
  ip -n n link set ve$i up
  ip -n e$i addr add 10.244.0.1$i/24 dev eth0
  ip -n e$i link set eth0 up
  ip -n e$i route add default via 10.244.0.1
done
ip netns exec n sysctl -qw net.ipv4.ip_forward=1
ip netns exec n iptables -t nat -N KUBE-SERVICES
ip netns exec n iptables -t nat -N KUBE-SVC-A
ip netns exec n iptables -t nat -N KUBE-SVC-B
ip netns exec n iptables -t nat -N KUBE-SEP-A1
ip netns exec n iptables -t nat -N KUBE-SEP-A2
ip netns exec n iptables -t nat -N KUBE-SEP-A3
ip netns exec n iptables -t nat -N KUBE-SEP-B1
ip netns exec n iptables -t nat -A PREROUTING -j KUBE-SERVICES
ip netns exec n iptables -t nat -A OUTPUT -j KUBE-SERVICES
ip netns exec n iptables -t nat -A KUBE-SERVICES -d 10.96.0.10/32 -p tcp --dport 80 -j KUBE-SVC-A
ip netns exec n iptables -t nat -A KUBE-SERVICES -d 10.96.0.11/32 -p tcp --dport 80 -j KUBE-SVC-B
ip netns exec n iptables -t nat -A KUBE-SVC-A -m statistic --mode random --probability 0.33333333349 -j KUBE-SEP-A1
ip netns exec n iptables -t nat -A KUBE-SVC-A -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-A2
ip netns exec n iptables -t nat -A KUBE-SVC-A -j KUBE-SEP-A3
ip netns exec n iptables -t nat -A KUBE-SVC-B -j KUBE-SEP-B1
ip netns exec n iptables -t nat -A KUBE-SEP-A1 -p tcp -j DNAT --to-destination 10.244.0.11:8080
ip netns exec n iptables -t nat -A KUBE-SEP-A2 -p tcp -j DNAT --to-destination 10.244.0.12:8080
ip netns exec n iptables -t nat -A KUBE-SEP-A3 -p tcp -j DNAT --to-destination 10.244.0.13:8080
ip netns exec n iptables -t nat -A KUBE-SEP-B1 -p tcp -j DNAT --to-destination 10.244.0.13:9090
ip netns exec e1 nc -lk 8080 &
ip netns exec e2 nc -lk 8080 &
ip netns exec e3 nc -lk 8080 &
