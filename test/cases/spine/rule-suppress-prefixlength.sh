# `suppress_prefixlength N` (the WireGuard-style split default): a lookup in the rule's table
# whose answer has a prefix of N bits or fewer is ignored and the next rule is tried; the rule
# is listed, matched on delete and refused twice.
ip link add uplink type veth peer name uplink-peer
ip link add uplink2 type veth peer name uplink2-peer
ip link set uplink up
ip link set uplink2 up
ip addr add 10.42.1.2/24 dev uplink
ip addr add 10.42.23.2/24 dev uplink2
ip route add default via 10.42.1.1
ip route add 172.16.0.0/12 via 10.42.1.1
ip route add table 100 default via 10.42.23.1
ip rule add pref 100 table main suppress_prefixlength 0
ip rule add pref 100 table main suppress_prefixlength 0
ip rule add pref 150 table 100
ip rule
ip -j rule show pref 100
ip route get 8.8.8.8
ip route get 172.16.5.5
ip route get 10.42.1.9
ip rule del pref 100 table main suppress_prefixlength 8
ip rule del pref 100 table main suppress_prefixlength 0
ip route get 8.8.8.8
ip rule add pref 90 lookup main suppress_prefixlength 12
ip route get 172.16.5.5
ip route get 8.8.8.8
ip rule add pref 80 lookup main sup_pl -1
ip rule
