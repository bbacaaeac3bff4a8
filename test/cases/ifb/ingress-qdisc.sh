# tc's ingress and clsact qdiscs (handle ffff:, parent ffff:fff1): added, listed beside the
# root (noqueue once the device was up; none before), refused twice (add's exclusivity, also
# across the two kinds), deleted, and the two different refusals of deleting one that is not
# there: on a device that never had one, and on one whose ingress queue is left empty.
ip link add veth0 type veth peer name veth1
tc qdisc del dev veth0 ingress
tc qdisc add dev veth0 ingress
tc qdisc show dev veth0
tc qdisc add dev veth0 ingress
tc qdisc add dev veth0 clsact
tc qdisc del dev veth0 clsact
ip link set veth0 up
tc qdisc show
tc qdisc show dev veth0
tc qdisc del dev veth0 ingress
tc qdisc del dev veth0 ingress
tc qdisc show dev veth0
tc qdisc add dev veth0 clsact
tc qdisc show dev veth0
tc qdisc add dev veth0 ingress
tc qdisc del dev veth0 clsact
tc qdisc add dev veth0 handle ffff: ingress
tc qdisc add dev veth0 parent ffff:fff1 ingress
tc qdisc add dev nosuch ingress
tc qdisc show dev veth0
