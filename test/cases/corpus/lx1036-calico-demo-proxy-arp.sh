#!/bin/bash
# corpus: Calico-style pod networking: /32 routes, 169.254.1.1 gateway by scope link, proxy_arp on the host end
# source: https://github.com/lx1036/code/blob/HEAD/go/k8s/network/calico/ansible/calico-demo.sh
# author: lx1036 (GitHub)
# licence: not stated
# changes: the route to the other node's pod (via ens192, the VM's NIC) left out; a ping -c 1
#   from the pod to the host end's route target appended.
ip link add veth0 type veth peer name eth1
ip netns add ns0
ip link set eth1 netns ns0
ip netns exec ns0 ip a add 10.20.1.2/24 dev eth1
ip netns exec ns0 ip link set eth1 up
ip netns exec ns0 ip route add 169.254.1.1 dev eth1 scope link
ip netns exec ns0 ip route add default via 169.254.1.1 dev eth1
ip link set veth0 up
ip route add 10.20.1.2 dev veth0 scope link
echo 1 > /proc/sys/net/ipv4/conf/veth0/proxy_arp
ping -c 1 10.20.1.2
ip netns exec ns0 ip neigh
