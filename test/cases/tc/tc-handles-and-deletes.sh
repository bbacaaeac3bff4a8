# What tc checks before the kernel's answer about the kind (found by the corpus: `handle 1:0`,
# `tc qdisc del … root netem` on a device without netem): a qdisc handle is a hex major, then
# ':' and anything (tc never reads the minor), else invarg's words and exit 255; a deletion that
# names a kind is checked against the root's kind before its handle.
ip link add v0 type veth peer name v1
ip link set v0 up
tc qdisc add dev v0 root handle 1:0 netem delay 10ms
tc qdisc add dev v0 root handle 10: netem delay 10ms
tc qdisc add dev v0 root handle zz: netem delay 10ms
tc qdisc add dev v0 root handle 10000: netem delay 10ms
tc qdisc del dev v0 root netem
tc qdisc del dev v0 root
tc qdisc del dev v1 root netem
tc qdisc show dev v0
