# tbf as tc prints what the kernel keeps: the rate in tc's units, the burst recomputed from the
# bucket depth the kernel holds (ticks), and `lat` from the byte limit — or the limit itself when
# that latency would be negative. Its parameter errors are tc's (all of them at once); add on a
# tbf root is refused, change and replace keep its handle; `ip link show` names the root, which
# a device keeps across down and up.
ip link add v0 type veth peer name v1
ip link set v0 up
tc qdisc add dev v0 root handle 1: tbf rate 1mbit burst 32kbit latency 400ms
tc qdisc show dev v0
tc -s qdisc show dev v0
tc qdisc add dev v0 root handle 1: tbf rate 1mbit burst 32kbit latency 400ms
tc qdisc change dev v0 root tbf rate 2mbit burst 10kb limit 3000
tc qdisc show dev v0
tc qdisc replace dev v0 root tbf rate 10mbit burst 1540 latency 50ms
tc qdisc show
tc qdisc add dev v1 root tbf rate 1mbit
tc qdisc add dev v1 root tbf rate 1mbit burst 10k
tc qdisc add dev v1 root tbf burst 10k latency 10ms
tc qdisc add dev v1 root tbf rate 1mbit burst 10k latency 10ms peakrate 2mbit
tc qdisc add dev v1 root tbf rate 1mbit burst 10k latency 10ms limit 2000
tc qdisc add dev v1 root tbf rate 1mbit burst 10k latency 10ms latency 20ms
tc qdisc add dev v1 root tbf rate 1mbit burst 10q latency 10ms
tc qdisc add dev v1 root tbf rate 1mbot burst 10k latency 10ms
tc qdisc add dev v1 root tbf rate 1mbit burst 10k latency 10ms foo
tc qdisc add dev v1 root tbf rate 1mbit burst 10k latency 10ms peakrate 1mbit mtu 2000
tc qdisc add dev v1 root handle 3: tbf rate 1mbit burst 10k latency 10ms peakrate 2mbit mtu 2000
tc qdisc add dev v1 root handle 2: tbf rate 768kbit burst 5000 latency 70ms
tc qdisc show dev v1
tc qdisc replace dev v1 root handle 5: tbf rate 3.5mbit buffer 3000 limit 100k
tc qdisc show dev v1
tc qdisc replace dev v1 root netem delay 1ms
tc qdisc show dev v1
tc qdisc del dev v1 root tbf
tc qdisc del dev v0 root tbf
tc qdisc show dev v0
ip link set v0 up
tc qdisc add dev v0 root handle 1: htb
ip link show v0
tc qdisc replace dev v0 root handle 2: tbf rate 1mbit burst 10k limit 10k
ip link set v0 down
tc qdisc show dev v0
ip link set v0 up
tc qdisc show dev v0
