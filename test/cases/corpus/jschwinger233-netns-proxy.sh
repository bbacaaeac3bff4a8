#!/bin/bash
# corpus: proving ground: short ip forms (ip net a, ip l a, ip r a), link-local gateway 169.254.0.1 by device route
# source: https://github.com/jschwinger233/proving-ground/blob/HEAD/container_network/netns-proxy.bash
# author: jschwinger233 (GitHub)
# licence: not stated
# changes: the three parameters set (ns=px, ip=10.99.0.2, veth=vpx); a ping from the
#   namespace to the host end appended (it has no address: the host answers from none).
ns=px
ip=10.99.0.2
veth=vpx
set -x
ip net a $ns
ip l a $veth type veth peer name $veth-peer
ip l s $veth-peer up
ip l s $veth netns $ns
ip net e $ns ip l s $veth up
ip net e $ns ip a a $ip dev $veth
ip net e $ns ip r a 169.254.0.1 dev $veth
ip net e $ns ip r a default via 169.254.0.1 dev $veth
ip r a $ip dev $veth-peer
ip net e $ns ip r
ip r
