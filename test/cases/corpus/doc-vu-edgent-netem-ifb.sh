#!/bin/bash
# corpus: delay both ways: netem on egress, ingress redirected to an ifb with its own netem
# corpus: second-kernel (netem)
# source: https://github.com/doc-vu/edgent/blob/HEAD/scripts/remote/netem_client.sh
# author: doc-vu (GitHub)
# licence: not stated
# changes: eth0 replaced by a veth made first; modprobe removed (ifb0 is created with ip link).
ip link add eth0 type veth peer name eth0-peer
ip link set eth0 up
ip link add ifb0 type ifb
tc qdisc del dev eth0 root
tc qdisc add dev eth0 root netem delay 10ms
tc qdisc del dev ifb0 root || true
ip link set dev ifb0 up
tc qdisc add dev eth0 ingress
tc filter add dev eth0 parent ffff: protocol ip u32 match u32 0 0 flowid 1:1 action mirred egress redirect dev ifb0
tc qdisc add dev ifb0 root netem delay 10ms
tc qdisc show dev eth0
