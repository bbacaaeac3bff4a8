#!/bin/bash
# corpus: course exercise: reject ICMP on INPUT, check with ping 127.0.0.1 (-O), delete the rule
# source: https://github.com/josanjohnata/aulas-python/blob/HEAD/python-trybe/redes/SI-redes/exercicios.py
# author: josanjohnata (GitHub; Trybe course exercises)
# licence: not stated
# changes: the commands of the exercise text run in order; lo brought up (the sandbox's lo is
#   up already: no-op); pings given -c 1.
ip link set lo up
iptables -A INPUT -p icmp -j REJECT
ping -c 1 -O 127.0.0.1
iptables -D INPUT -p icmp -j REJECT
ping -c 1 127.0.0.1
