#!/bin/bash
# corpus: hypervisor course: flush, ACCEPT policies, reject echo requests by ICMP type name
# source: https://github.com/armandosalazar/xen-hypervisor/blob/HEAD/rules-iptables/script4.sh
# author: Armando Salazar (GitHub armandosalazar)
# licence: not stated
# changes: a listing and a ping of lo (-c 1) appended.
iptables -F
iptables -t nat -F
iptables -P INPUT ACCEPT
iptables -P OUTPUT ACCEPT
iptables -P FORWARD ACCEPT
iptables -A INPUT -p icmp --icmp-type echo-request -j REJECT
iptables -S INPUT
ping -c 1 127.0.0.1
