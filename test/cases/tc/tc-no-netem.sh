# tc on a kernel without netem (this machine's 6.18): the kernel refuses the kind in its own
# words and nothing changes; the default qdiscs are listed (noqueue once a device was opened;
# one never opened has the built-in noop, which a dump leaves out). On UML's 6.1, which has
# netem, test/cases/netem.
ip link add v0 type veth peer name v1
tc qdisc show
ip link set v0 up
tc qdisc show
tc qdisc add dev v0 root netem delay 10ms
tc qdisc add dev v0 root handle 1: netem delay 10ms loss 1%
tc qdisc show dev v0
tc -s qdisc show dev v0
tc qdisc show dev v1
tc qdisc del dev v0 root
tc qdisc add dev nosuch root netem delay 1ms
ip link show v0
ip link set v0 down
tc qdisc show
