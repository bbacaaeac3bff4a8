#!/bin/bash
# A Kubernetes ClusterIP Service by hand, as kube-proxy's iptables mode writes it — after
# "Kubernetes Services by hand" patterns (https://arthurchiao.art/blog/cracking-k8s-node-proxy/,
# "Cracking kubernetes node proxy (aka kube-proxy)"): two pods on a node's bridge, each
# serving HTTP, KUBE-SERVICES → KUBE-SVC-… (statistic random, then the last endpoint) →
# KUBE-SEP-… DNAT, reached over TCP from a third pod; a pod reaching the Service that selects
# it needs hairpin (MASQUERADE via KUBE-MARK-MASQ), here the client is another pod.
ip netns add pod1
ip netns add pod2
ip netns add client
ip link add cni0 type bridge
ip link set cni0 up
ip addr add 10.244.0.1/24 dev cni0
for p in pod1:10.244.0.2 pod2:10.244.0.3 client:10.244.0.4; do
  n=${p%%:*}; a=${p#*:}
  ip link add veth-$n type veth peer name eth0 netns $n
  ip link set veth-$n master cni0
  ip link set veth-$n up
  ip -n $n addr add $a/24 dev eth0
  ip -n $n link set eth0 up
  ip -n $n link set lo up
  ip -n $n route add default via 10.244.0.1
done
ip netns exec pod1 python3 -m http.server 8080 &
ip netns exec pod2 python3 -m http.server 8080 &
sysctl -qw net.ipv4.ip_forward=1
iptables -t nat -N KUBE-SERVICES
iptables -t nat -N KUBE-SVC-WEB
iptables -t nat -N KUBE-SEP-POD1
iptables -t nat -N KUBE-SEP-POD2
iptables -t nat -A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
iptables -t nat -A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
iptables -t nat -A KUBE-SERVICES -d 10.96.0.100/32 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j KUBE-SVC-WEB
iptables -t nat -A KUBE-SVC-WEB -m comment --comment "default/web -> 10.244.0.2:8080" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-POD1
iptables -t nat -A KUBE-SVC-WEB -m comment --comment "default/web -> 10.244.0.3:8080" -j KUBE-SEP-POD2
iptables -t nat -A KUBE-SEP-POD1 -p tcp -m comment --comment "default/web" -m tcp -j DNAT --to-destination 10.244.0.2:8080
iptables -t nat -A KUBE-SEP-POD2 -p tcp -m comment --comment "default/web" -m tcp -j DNAT --to-destination 10.244.0.3:8080
ip netns exec client nc -zv -w 1 10.96.0.100 81
echo "status $?"
ip netns exec client nc -zv -w 2 10.96.0.100 80
echo "status $?"
ip netns exec client curl -s -m 2 -o /dev/null -w '%{http_code}\n' http://10.96.0.100/
echo "status $?"
curl -s -m 2 -o /dev/null -w '%{http_code}\n' http://10.96.0.100/
echo "status $?"
iptables -t nat -S KUBE-SVC-WEB
