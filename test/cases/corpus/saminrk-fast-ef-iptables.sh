#!/bin/bash
# corpus: 5G testbed: forwarding, FORWARD policy, DNAT rules inserted at given positions
# source: https://github.com/SaminRK/FAST-EF/blob/HEAD/scripts/iptablest2.sh
# author: SaminRK (GitHub)
# licence: not stated
# changes: a listing of the NAT table appended.
sudo sysctl net.ipv4.conf.all.forwarding=1
sudo iptables -P FORWARD ACCEPT
sudo iptables -t nat -I PREROUTING 1 -s 192.168.0.0/24 -p UDP --dport 2152 -j DNAT --to-destination 127.0.0.1:7000
sudo iptables -t nat -I PREROUTING 2 -s 192.168.0.0/24 -j DNAT --to-destination 192.168.61.3
sudo iptables -t nat -L PREROUTING -n --line-numbers
