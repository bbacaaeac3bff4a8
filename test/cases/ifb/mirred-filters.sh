# tc filters on the ingress block with a mirred action: u32 (match u32, match ip), listed with
# and without the parent asked for, the automatic priorities (49152, then one below), u32's
# hash tables 800:, 801:, …, the action's index (the lowest free in the namespace), terminal
# flowid, and the refusals: no ingress qdisc, a device mirred cannot find, an incomplete action,
# a verb mirred lacks, a priority's other protocol, deleting a priority that is not there;
# clsact's ingress block (`ingress`), the ingress qdisc's one block under any minor (ffff:fff3),
# and a target device deleted (mirred forgets it: `to device *`).
ip link add eth0 type veth peer name eth0p
ip link add ifb0 type ifb
tc filter add dev eth0 parent ffff: protocol ip u32 match u32 0 0 flowid 1:1 action mirred egress redirect dev ifb0
tc filter show dev eth0 parent ffff:
tc qdisc add dev eth0 ingress
tc filter add dev eth0 parent ffff: protocol ip u32 match u32 0 0 flowid 1:1 action mirred egress redirect dev ifb0
tc filter add dev eth0 parent ffff: protocol ip u32 match u32 0 0 flowid 1:1 action mirred egress redirect dev nope
tc filter add dev eth0 parent ffff: protocol ip u32 match u32 0 0 action mirred redirect dev ifb0
tc filter add dev eth0 parent ffff: protocol ip u32 match u32 0 0 action mirred egress redirect
tc filter add dev eth0 parent ffff: protocol ip u32 match u32 0 0 action mirred
tc filter add dev eth1 parent ffff: protocol ip u32 match u32 0 0 action mirred egress redirect dev ifb0
tc filter add dev eth0 parent ffff: protocol ip prio 5 u32 match ip dst 10.0.0.0/8 action mirred egress mirror dev ifb0
tc filter add dev eth0 parent ffff: protocol all prio 5 u32 match u32 0 0 action mirred egress redirect dev ifb0
tc filter add dev eth0 parent ffff: u32 match u32 0x0800 0xffff at 12 action mirred ingress mirror dev ifb0
tc filter add dev eth0 parent ffff: protocol all u32 match u32 0 0
tc filter show dev eth0 parent ffff:
tc filter show dev eth0 ingress
tc filter show dev eth0
tc filter del dev eth0 parent ffff: prio 5
tc filter del dev eth0 parent ffff: prio 77
tc filter add dev eth0 parent ffff: protocol ip u32 match u32 0 0 flowid 1:1 action mirred egress redirect dev ifb0
tc filter show dev eth0 parent ffff:
tc filter del dev eth0 parent ffff:
tc filter show dev eth0 parent ffff:
tc filter add dev eth0 parent ffff: protocol ip u32 match u32 0 0 action mirred egress redirect dev ifb0
tc filter show dev eth0 parent ffff:
tc qdisc del dev eth0 ingress
tc filter add dev eth0 parent ffff: protocol ip u32 match u32 0 0 action mirred egress redirect dev ifb0
tc qdisc add dev eth0 clsact
tc filter add dev eth0 ingress protocol ip u32 match u32 0 0 action mirred egress redirect dev ifb0
tc filter show dev eth0 ingress
tc filter show dev eth0 parent ffff:
tc filter add dev eth0 ingress matchall action mirred egress redirect dev ifb0
tc qdisc del dev eth0 clsact
tc qdisc add dev eth0 ingress
tc filter add dev eth0 parent ffff:fff3 u32 match u32 0 0
tc filter add dev eth0 parent ffff: u32 match u32 0 0 action mirred egress redirect dev ifb0
tc filter show dev eth0 parent ffff:
ip link del ifb0
tc filter show dev eth0 parent ffff:
