# A kernel built with VLAN filtering keeps a local FDB entry for a port's (and the bridge's) MAC
# in each of its VLANs besides the plain one, even with vlan_filtering off: `bridge fdb show`
# lists them (`vlan N`) newest first — the default PVID's at joining, more as VLANs are added,
# all made again when the MAC changes. This machine's 6.18 (no VLAN filtering) lists the plain
# entries only.
ip link add br0 type bridge
ip link add pa type veth peer name pb
ip link add pc type veth peer name pd
ip link set pa master br0
bridge fdb show br br0
ip link set pc master br0
bridge vlan add dev pa vid 10
bridge vlan add dev pa vid 20-21
bridge fdb show br br0
bridge -j fdb show dev pa
ip link set br0 address 02:00:00:00:00:01
bridge fdb show br br0
bridge vlan add dev br0 vid 30 self
bridge fdb show br br0
bridge vlan del dev pa vid 1
bridge fdb show dev pa
ip link set pa address 02:00:00:00:00:05
bridge fdb show dev pa
ip link add br1 type bridge
bridge fdb show br br1
