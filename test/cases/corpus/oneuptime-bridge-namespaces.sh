#!/bin/bash
# corpus: three namespaces on a host bridge with a for loop and a multi-line bash -c per namespace
# source: https://oneuptime.com/blog/post/2026-03-20-virtual-bridge-network-namespaces-linux/view
# author: Nawaz Dhandala (OneUptime blog)
# licence: not stated
# changes: ns3's block written like ns1's and ns2's (the stored page is cut after ns2's);
#   pings (-c 1) between the namespaces and to the bridge appended.
sudo ip link add br0 type bridge
sudo ip link set br0 up
sudo ip addr add 10.0.0.254/24 dev br0
sudo ip netns add ns1
sudo ip netns add ns2
sudo ip netns add ns3
for ns in ns1 ns2 ns3; do
    sudo ip link add "veth-${ns}" type veth peer name "veth-${ns}-br"
    sudo ip link set "veth-${ns}-br" master br0
    sudo ip link set "veth-${ns}-br" up
    sudo ip link set "veth-${ns}" netns "$ns"
done
sudo ip netns exec ns1 bash -c "
  ip link set lo up
  ip link set veth-ns1 up
  ip addr add 10.0.0.1/24 dev veth-ns1
  ip route add default via 10.0.0.254
"
sudo ip netns exec ns2 bash -c "
  ip link set lo up
  ip link set veth-ns2 up
  ip addr add 10.0.0.2/24 dev veth-ns2
  ip route add default via 10.0.0.254
"
sudo ip netns exec ns3 bash -c "
  ip link set lo up
  ip link set veth-ns3 up
  ip addr add 10.0.0.3/24 dev veth-ns3
  ip route add default via 10.0.0.254
"
sudo ip netns exec ns1 ping -c 1 10.0.0.2
sudo ip netns exec ns3 ping -c 1 10.0.0.254
