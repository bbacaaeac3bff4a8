#!/bin/bash
# corpus: add and remove a netem delay, then list the qdiscs with statistics
# corpus: second-kernel (netem)
# source: https://github.com/tacobayle/bash/blob/HEAD/add_network_delay/delay.sh
# author: tacobayle (GitHub)
# licence: not stated
# changes: ens33 replaced by a veth pair made first; the pasted output left out.
ip link add ens33 type veth peer name ens33-peer
ip link set ens33 up
sudo tc qdisc add dev ens33 root netem delay 100ms
sudo tc qdisc del dev ens33 root netem
sudo tc -s qdisc show dev ens33
