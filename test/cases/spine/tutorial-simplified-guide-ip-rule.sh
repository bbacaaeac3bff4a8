# Adapted from https://www.simplified.guide/iproute2/rule-add-routing-policy (Adding a routing
# policy rule with ip rule add): a source rule pointing at table 100, whose default route is
# onlink through lab0. lab0 is a veth here, as the page's lab interface.
ip link add lab0 type veth peer name lab0-peer
ip addr add 192.0.2.10/24 dev lab0
ip link set lab0 up
ip link set lab0-peer up
ip rule show
ip route add default via 192.0.2.1 dev lab0 onlink table 100
ip route show table 100
sudo ip rule add from 192.0.2.10/32 table 100 priority 1000
ip rule show
ip route get 203.0.113.8 from 192.0.2.10
# remove the rule again
sudo ip rule del priority 1000
ip rule show
