#!/bin/bash
# corpus: ARM armour testbed: DNAT to a local proxy from interface wildcards, in a for loop; route_localnet
# source: https://github.com/ARM-software/armour/blob/HEAD/examples/testbed/rules.sh
# author: ARM (GitHub ARM-software/armour)
# licence: MIT (repository)
# changes: the Docker chain the last rule jumps to is created first; the interfaces the
#   sysctls name (Docker networks) created as veths first; /etc/hosts writes removed.
ip link add srv-net-1 type veth peer name srv-peer-1
ip link add cl-net-1 type veth peer name cl-peer-1
ip link add cl-net-2 type veth peer name cl-peer-2
iptables -t nat -N DOCKER
iptables -A FORWARD -p tcp -d 127.0.0.1 --dport 6002 -j ACCEPT
iptables -t nat -I PREROUTING -i srv-net+ -p tcp -j DNAT --to-destination 127.0.0.1:6002
iptables -t nat -I PREROUTING -i cl-net+ -p tcp -j DNAT --to-destination 127.0.0.1:6002
for interface in srv-net+ cl-net+; do
iptables -t nat -I PREROUTING -i $interface -p tcp -d 172.19.0.2 --dport 80 -j DNAT --to-destination 127.0.0.1:6002
iptables -t nat -I PREROUTING -i $interface -p tcp -d 172.22.0.2 --dport 80 -j DNAT --to-destination 127.0.0.1:6002
iptables -t nat -I PREROUTING -i $interface -p tcp -d 172.21.0.2 --dport 80 -j DNAT --to-destination 127.0.0.1:6002
done
iptables -t nat -I PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
sysctl -w net.ipv4.conf.srv-net-1.route_localnet=1
sysctl -w net.ipv4.conf.cl-net-1.route_localnet=1
sysctl -w net.ipv4.conf.cl-net-2.route_localnet=1
sysctl -w net.ipv4.ip_forward=1
iptables -t nat -S PREROUTING
