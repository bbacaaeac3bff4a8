# htb classes and u32 filters refused in the kernel's words: a class that exists (add), one that
# does not (change, del), an inner class (del), another major (add), a class ID tc cannot read, an
# address u32 cannot; replace makes a class, then changes it; a deleted child leaves its parent a
# leaf (prio shown again); u32 keys for ports and protocol.
ip link add v0 type veth peer name v1
ip link set v0 up
tc qdisc add dev v0 root handle 1: htb default 20
tc class add dev v0 parent 1: classid 1:1 htb rate 10mbit
tc class add dev v0 parent 1: classid 1:1 htb rate 10mbit
tc class add dev v0 parent 1:1 classid 1:10 htb rate 5mbit
tc class del dev v0 classid 1:1
tc class del dev v0 classid 1:99
tc class change dev v0 parent 1:1 classid 1:99 htb rate 1mbit
tc class add dev v0 parent 1: classid 2:5 htb rate 1mbit
tc class add dev v0 parent 1: classid 1:a0000 htb rate 1mbit
tc class del dev v0 classid 1:10
tc class show dev v0
tc class replace dev v0 parent 1: classid 1:7 htb rate 3mbit
tc class replace dev v0 parent 1: classid 1:7 htb rate 4mbit
tc class show dev v0
tc filter add dev v0 parent 1: protocol ip prio 1 u32 match ip dst 10.0.0.999 flowid 1:7
tc filter add dev v0 parent 1: protocol ip prio 1 u32 match ip dst 10.0.0.9 flowid 1:7
tc filter add dev v0 parent 1: protocol ip prio 1 u32 match ip dst 10.0.0.8 flowid 1:7
tc filter add dev v0 parent 1: protocol ip prio 2 u32 match ip sport 53 0xffff match ip protocol 17 0xff flowid 1:1
tc filter show dev v0
tc class show dev v1
