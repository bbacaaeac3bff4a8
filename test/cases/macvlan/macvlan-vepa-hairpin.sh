# VEPA needs an external switch that sends frames back out the port they came in by: a bridge
# whose port toward the host is in hairpin mode (802.1Qbg). Without hairpin the two vepa
# macvlans do not reach each other; with it they do, through the switch. With the switch
# reflecting, a bridge-mode macvlan and its host reach each other too, while private
# macvlans still never find each other (their own broadcasts come back to them alone).
ip netns add a
ip netns add b
ip netns add sw
ip link add p0 type veth peer name p1 netns sw
ip -n sw link add br0 type bridge
ip -n sw link set p1 master br0
ip -n sw link set p1 up
ip -n sw link set br0 up
ip -n sw addr add 10.0.0.100/24 dev br0
ip link set p0 up
ip addr add 10.0.0.1/24 dev p0
ip link add m1 link p0 type macvlan mode vepa
ip link add m2 link p0 type macvlan mode vepa
ip link set m1 netns a
ip link set m2 netns b
ip -n a addr add 10.0.0.11/24 dev m1
ip -n b addr add 10.0.0.12/24 dev m2
ip -n a link set m1 up
ip -n b link set m2 up
ip netns exec a ping -c1 -W1 10.0.0.12
ip netns exec a ping -c1 -W1 10.0.0.100
ip -n sw link set p1 type bridge_slave hairpin on
ip -n sw -d link show p1
# the failed ping left a's entry for 10.0.0.12 probing once a second: whether a probe falls
# after the hairpin is a race with the machine's speed, so the entry starts afresh
ip -n a neigh del 10.0.0.12 dev m1
ip netns exec a ping -c1 -W1 10.0.0.12
ip netns exec b ping -c1 -W1 10.0.0.11
ping -c1 -W1 10.0.0.12
# bridge mode behind a reflecting switch: the host reaches its macvlan the long way round
ip -n a link set m1 type macvlan mode bridge
ip -n b link set m2 type macvlan mode bridge
ping -c1 -W1 10.0.0.11
ip netns exec a ping -c1 -W1 10.0.0.12
# private: a private macvlan's broadcasts come back from the switch to it alone, so two fresh
# private macvlans never resolve each other, even through a reflecting switch
ip link add m3 link p0 type macvlan mode private
ip link add m4 link p0 type macvlan mode private
ip link set m3 netns a
ip link set m4 netns b
ip -n a addr add 10.0.1.13/24 dev m3
ip -n b addr add 10.0.1.14/24 dev m4
ip -n a link set m3 up
ip -n b link set m4 up
ip netns exec a ping -c1 -W1 10.0.1.14
ip netns exec b ping -c1 -W1 10.0.1.13
ip -n a neigh show dev m3 | cut -d' ' -f1
ip netns exec sw bridge link set dev p1 hairpin off
ip netns exec sw bridge -d link show dev p1
ip netns exec sw bridge link set dev br0 hairpin on
