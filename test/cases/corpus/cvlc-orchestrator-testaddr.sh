#!/bin/bash
# corpus: loop over /var/run/netns/*, cut the name out of the path, show eth1 in each
# source: https://github.com/cvlc/orchestrator/blob/HEAD/testaddr.sh
# author: cvlc (GitHub)
# licence: not stated
# changes: two namespaces with an eth1 made first (the orchestrator's own).
for n in a1 b2; do
  ip netns add $n
  ip link add eth1 netns $n type veth peer name peer-$n
  ip -n $n addr add 10.9.0.${#n}/24 dev eth1
done
for link in /var/run/netns/*; do
longid=`echo $link | cut -d'/' -f5`
sudo ip netns exec $longid ip addr show dev eth1
done
