# tbf shaping on the clock: 400-byte pings every 300 ms through an 8 kbit/s bucket (442 ms a
# 442-byte frame) one packet deep wait for their tokens, each 142 ms longer than the one before
# (tbf sends when the bucket holds the whole packet); the queue (100k) never overflows, so every
# ping returns. Few enough that ping's own socket send buffer (about three such packets in
# flight) never holds it back: that limit is not modelled. Compared within tolerances
# (test/real/tc-shaping.test.ts): received share exact, average round trip within 20%, the
# qdisc's sent and dropped counters exact.
sysctl -qw net.ipv6.conf.all.disable_ipv6=1
sysctl -qw net.ipv6.conf.default.disable_ipv6=1
ip netns add b
ip link add v0 type veth peer name v1 netns b
ip addr add 10.0.0.1/24 dev v0
ip -n b addr add 10.0.0.2/24 dev v1
ip -n b link set v1 up
ip link set v0 up
ping -c 1 10.0.0.2
tc qdisc add dev v0 root handle 1: tbf rate 8kbit burst 500 limit 100k
ping -c 6 -i 0.3 -s 400 10.0.0.2
tc -s qdisc show dev v0
