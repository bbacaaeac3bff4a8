#!/bin/bash
# corpus: simulate a WAN on lo: htb class with netem under it
# corpus: second-kernel (netem)
# source: https://github.com/RachitG54/FED/blob/HEAD/simulateWAN.sh
# author: RachitG54 (GitHub)
# licence: not stated
# changes: none (it runs in the sandbox's own lo).
sudo tc qdisc del dev lo root
sudo tc qdisc add dev lo root handle 1: htb default 12
sudo tc class add dev lo parent 1:1 classid 1:12 htb rate 100mbit ceil 100mbit
sudo tc qdisc add dev lo parent 1:12 netem delay 40ms 1ms distribution normal
sudo tc -s qdisc ls dev lo
