#!/bin/bash
# corpus: netem delay with a token bucket under it
# corpus: second-kernel (netem)
# source: https://github.com/SaahilClaypool/rpi/blob/HEAD/Config/Validation/Configs/80m_tbf_peak.sh
# author: Saahil Claypool (GitHub SaahilClaypool)
# licence: not stated
# changes: enp3s0 replaced by a veth made first.
ip link add enp3s0 type veth peer name enp3s0-peer
sudo tc qdisc del dev enp3s0 root
sudo tc qdisc add dev enp3s0 root handle 1:0 netem delay 10ms
sudo tc qdisc add dev enp3s0 parent 1:1 handle 10: tbf rate 80mbit buffer 1mbit limit 1000mbit peakrate 81mbit mtu 3000
tc -s qdisc ls dev enp3s0
