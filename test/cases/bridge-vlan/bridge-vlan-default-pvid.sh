# vlan_default_pvid: at creation (0: none; 5: the bridge's and new ports' PVID), and changed
# later: the bridge and each port that still has the old default PVID as it was given (PVID,
# untagged) move to the new one, unless they already have that VLAN; 0 takes it away from those
# that hold it. 4095 is refused before the bridge is made (br_validate: no ifindex used). This
# machine's 6.18 (no VLAN filtering) accepts the setting and ignores it.
ip link add br0 type bridge vlan_default_pvid 0
ip link add br1 type bridge vlan_default_pvid 5
ip link add br2 type bridge vlan_default_pvid 4095
ip link add br3 type bridge vlan_default_pvid 4094 vlan_filtering 1
ip link add pa type veth peer name pb
ip link add pc type veth peer name pd
ip link add pe type veth peer name pf
ip link set pa master br0
ip link set pc master br1
ip link set pe master br1
bridge vlan show
bridge vlan add dev pe vid 5 pvid
bridge vlan add dev pc vid 7
ip link set br1 type bridge vlan_default_pvid 7
bridge vlan show
ip link set br1 type bridge vlan_default_pvid 0
bridge vlan show
ip link set br0 type bridge vlan_default_pvid 3
bridge vlan show
ip -j link show br1
ip link set br1 type bridge vlan_default_pvid 7
bridge vlan show
ip link set br3 type bridge vlan_default_pvid 10
bridge vlan show dev br3
bridge vlan show
ip link set br1 type bridge vlan_default_pvid 4095
ip link show br1
