# The container pattern: a parent veth p0 in the root namespace whose far end p1 is the
# "external" network (namespace ext), macvlans on p0 moved into namespaces a and b. Pings in
# each mode, as the kernel forwards them:
#  bridge   siblings reach each other directly; the wire reaches both; the host (p0's own
#           address) reaches neither, nor they it: p0's frames never pass a macvlan
#  private  siblings never reach each other; the wire still does
#  vepa     siblings reach each other only through the wire, which here does not send frames
#           back: they do not
ip netns add a
ip netns add b
ip netns add ext
ip link add p0 type veth peer name p1 netns ext
ip -n ext addr add 10.0.0.100/24 dev p1
ip -n ext link set p1 up
ip link set p0 up
ip addr add 10.0.0.1/24 dev p0
ip link add m1 link p0 type macvlan mode bridge
ip link add m2 link p0 type macvlan mode bridge
ip link set m1 netns a
ip link set m2 netns b
ip -n a addr add 10.0.0.11/24 dev m1
ip -n b addr add 10.0.0.12/24 dev m2
ip -n a link set m1 up
ip -n b link set m2 up
ip netns exec a ping -c1 -W1 10.0.0.12
ip netns exec a ping -c1 -W1 10.0.0.100
ip netns exec ext ping -c1 -W1 10.0.0.11
ping -c1 -W1 10.0.0.11
ip netns exec b ping -c1 -W1 10.0.0.1
ip netns exec ext ping -c1 -W1 10.0.0.1
# private: a's frames reach no sibling
ip -n a link set m1 type macvlan mode private
ip netns exec a ping -c1 -W1 10.0.0.12
ip netns exec a ping -c1 -W1 10.0.0.100
ip netns exec b ping -c1 -W1 10.0.0.11
# vepa on both: out to the wire, and nothing comes back
ip -n a link set m1 type macvlan mode vepa
ip -n b link set m2 type macvlan mode vepa
ip netns exec a ping -c1 -W1 10.0.0.12
ip netns exec b ping -c1 -W1 10.0.0.100
ip -d -n a link show m1
