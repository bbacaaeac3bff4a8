#!/bin/bash
# corpus: forward a TCP port to another host with DNAT and SNAT, then list the NAT table
# source: https://github.com/CN-UPB/Pishahang/blob/HEAD/pish-examples/vnfs/transcoder/vm-vtc/iptables-classifier.md
# author: CN-UPB (GitHub)
# licence: Apache-2.0 (repository)
# changes: the curl calls to the VNF's controller left out.
sudo iptables -t nat -A PREROUTING -p tcp --dport 9999 -j DNAT --to-destination 192.168.202.105:80
sudo iptables -t nat -A POSTROUTING -p tcp -d 192.168.202.105 --dport 80 -j SNAT --to-source 192.168.202.103
sudo iptables -t nat -L -n
