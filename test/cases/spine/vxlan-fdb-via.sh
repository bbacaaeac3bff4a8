# A VXLAN device's default destination (its remote or group) is an all-zeros FDB entry reached
# through the device given with `dev`: bridge fdb shows it `via DEV`; entries added later are not.
ip link add eth1 type veth peer name eth1-peer
ip link add vx0 type vxlan id 42 remote 10.1.1.1 dev eth1 dstport 4789
ip link add vx1 type vxlan id 43 group 239.1.1.1 dev eth1 dstport 4789
ip link add vx2 type vxlan id 44 remote 10.1.1.2 dstport 4789
bridge fdb show dev vx0
bridge fdb show dev vx1
bridge fdb show dev vx2
bridge fdb append 00:00:00:00:00:00 dst 10.2.2.2 dev vx1
bridge fdb add 00:11:22:33:44:55 dst 10.2.2.3 dev vx1
bridge fdb show dev vx1
bridge -j fdb show dev vx1
bridge fdb delete 00:11:22:33:44:55 dev vx1
bridge fdb show dev vx1
