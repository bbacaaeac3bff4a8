# tc qdisc with netem as a device's root qdisc: added, shown (ip link's qdisc too), changed
# (every setting but the rate taken from the request), replaced, deleted, and tc's and the
# kernel's refusals; the counters of tc -s after pings delayed by 100 ms (IPv6 is off on the
# device so that only the pings and their ARP are counted).
ip link add veth0 type veth peer name veth1
ip addr add 10.0.0.1/24 dev veth0
ip netns add b
ip link set veth1 netns b
ip -n b addr add 10.0.0.2/24 dev veth1
ip -n b link set veth1 up
sysctl -qw net.ipv6.conf.veth0.disable_ipv6=1
ip link set veth0 up
tc qdisc show
tc qdisc add dev veth0 root handle 1: netem delay 100ms
tc qdisc show dev veth0
tc -s qdisc show dev veth0
ip link show veth0
ping -c 2 -i 0.2 10.0.0.2
tc -s qdisc show dev veth0
tc qdisc change dev veth0 root netem delay 50ms 10ms loss 20% duplicate 1% rate 10mbit
tc qdisc show dev veth0
tc qdisc add dev veth0 root netem delay 10ms
tc qdisc replace dev veth0 root netem delay 20ms
tc qdisc show dev veth0
tc qdisc change dev veth0 root netem delay 1.5s limit 50
tc qdisc show
tc qdisc del dev veth0 root
tc qdisc show dev veth0
ip link show veth0
tc qdisc del dev veth0 root
tc qdisc add dev nosuch root netem delay 1ms
tc qdisc add dev veth0 root netem delay foo
tc qdisc add dev veth0 root netem loss 200%
tc qdisc add dev veth0 root netem frobnicate
tc qdisc add dev veth0 root bogus
tc qdisc replace dev veth0 root handle 2: netem delay 250us rate 1500kbit
tc qdisc show dev veth0
tc -s qdisc show dev lo
