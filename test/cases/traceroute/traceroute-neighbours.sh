# traceroute on one link: a destination whose address nobody holds (ARP never resolves: the
# probes wait in the neighbour queue, and every hop is stars after the 5 s wait), then one that
# answers at the first hop, with -q 5 and -I.
ip netns add a
ip netns add b
ip link add a0 netns a type veth peer name b0 netns b
ip -n a addr add 10.1.0.1/24 dev a0
ip -n a link set a0 up
ip -n b link set b0 up
ip netns exec a traceroute -n -m 3 10.1.0.9
ip netns exec a traceroute -n -m 2 -I 10.1.0.9
ip -n b addr add 10.1.0.2/24 dev b0
ip netns exec a traceroute -n -m 3 -q 5 10.1.0.2
ip netns exec a traceroute -n -w 1 -m 2 -I 10.1.0.2
