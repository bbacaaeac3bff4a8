# netem's delay with jitter and its loss, over many pings: compared with the kernel within
# tolerances, not line by line (the kernel draws its chances at random; the simulator from a
# seeded generator). Line 13: 100 pings through 20 ms ± 5 ms; line 16: 200 pings losing 20 %
# each way; line 19: 100 pings at 1 Mbit/s with 1000-byte payloads (8 ms a packet each way).
ip link add veth0 type veth peer name veth1
ip addr add 10.0.0.1/24 dev veth0
ip netns add b
ip link set veth1 netns b
ip -n b addr add 10.0.0.2/24 dev veth1
ip -n b link set veth1 up
ip link set veth0 up
tc qdisc add dev veth0 root handle 1: netem delay 20ms 5ms
ping -q -c 100 -i 0.01 -W 2 10.0.0.2
tc qdisc change dev veth0 root netem loss 20%
ip netns exec b tc qdisc add dev veth1 root handle 1: netem loss 20%
ping -q -c 200 -i 0.01 -W 2 10.0.0.2
tc qdisc change dev veth0 root netem rate 1mbit
ip netns exec b tc qdisc change dev veth1 root netem rate 1mbit
ping -q -c 20 -i 0.05 -s 1000 -W 2 10.0.0.2
