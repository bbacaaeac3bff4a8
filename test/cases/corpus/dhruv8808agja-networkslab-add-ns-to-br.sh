#!/bin/bash
# corpus: networks lab: attach a new namespace to an existing bridge with brctl addif
# source: https://github.com/dhruv8808agja/NetworksLab/blob/HEAD/lab6/add-ns-to-br.sh
# author: dhruv8808agja (GitHub)
# licence: not stated
# changes: the script's three arguments set as variables (bridge br0, namespace h1, address
#   10.1.1.2/24); the bridge it expects is created first; run twice for two namespaces and a
#   ping (-c 1) between them appended.
sudo brctl addbr br0
sudo ip link set br0 up
for args in "h1 10.1.1.2/24" "h2 10.1.1.3/24"; do
  set -- br0 $args
  bridge=$1
  namespace=$2
  addr=$3
  vethA=veth-$namespace
  vethB=eth0
  sudo ip netns add $namespace
  sudo ip link add $vethA type veth peer name $vethB
  sudo ip link set $vethB netns $namespace
  sudo ip netns exec $namespace ip addr add $addr dev $vethB
  sudo ip netns exec $namespace ip link set $vethB up
  sudo ip link set $vethA up
  sudo brctl addif $bridge $vethA
done
sudo ip netns exec h1 ping -c 1 10.1.1.3
