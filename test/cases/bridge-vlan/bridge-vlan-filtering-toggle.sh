# `vlan_filtering` at creation and later, and the VLAN settings `ip -d link show` prints with
# it: a kernel built without CONFIG_BRIDGE_VLAN_FILTERING (this machine's 6.18) refuses the
# setting, 0 as well as 1, and prints none of them. mcast_startup_query_interval is set because
# its default reads back through jiffies, and UML's kernel ticks at 100 Hz, not 250. A port's
# `bridge_slave` details carry no VLAN setting in either kernel.
ip link add br0 type bridge vlan_filtering 1 mcast_startup_query_interval 3000
ip link add br1 type bridge mcast_startup_query_interval 3000
ip link set br1 type bridge vlan_filtering 1
ip -d link show br1
ip link set br1 type bridge vlan_filtering 0
ip -d link show br1
ip -j -d link show br1
ip link set br1 type bridge vlan_filtering 2
ip -d link show br1
bridge vlan add dev br1 vid 10 self
bridge vlan show
ip link add pa type veth peer name pb
ip link set pa master br1
ip -d link show pa
ip -j -d link show pa
