#!/bin/bash
# corpus: LVS real server: a VIP on lo with a label, INPUT rule for the service port
# source: https://github.com/leizhnxp/lvs-op-poc/blob/HEAD/rs.sh
# author: leizhnxp (GitHub)
# licence: not stated
# changes: yum install, service iptables save and the ncat responder removed.
sudo ip addr add 10.0.0.10 label lo:vip dev lo
ip addr show dev lo
sudo iptables -I INPUT -p tcp -m tcp --dport 8964 -j ACCEPT
sudo iptables -L INPUT -n
