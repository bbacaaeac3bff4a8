# A bridge's VLAN table: a new bridge and each new port start with the default PVID 1, untagged;
# `bridge vlan add|del` on a port (master, the default) and on the bridge itself (self); PVID
# and untagged move as entries are added again; ranges; a device that is no port, a VLAN id out
# of range, a missing device; `bridge vlan show` in text, JSON, compressed, details, filtered.
# A kernel built without CONFIG_BRIDGE_VLAN_FILTERING (this machine's 6.18) has no table at
# all: it refuses every add and lists nothing.
ip link add br0 type bridge
ip link add pa type veth peer name pb
ip link add pc type veth peer name pd
ip link set pa master br0
ip link set pc master br0
bridge vlan show
bridge -j vlan show
bridge vlan add dev pa vid 10 pvid untagged
bridge vlan add dev pa vid 20
bridge vlan add dev pa vid 30-32
bridge vlan add dev pa vid 40-41 untagged
bridge vlan add dev pc vid 20 pvid
bridge vlan show
bridge vlan show dev pa
bridge vlan show vid 31
bridge vlan show vid 20
bridge -j vlan show
bridge -j -p vlan show dev pc
bridge -compressvlans vlan show
bridge -compressvlans vlan show vid 31
bridge -d vlan show
bridge -d vlan show vid 31
bridge -d -j vlan show
bridge -d -j -p vlan show dev pc
bridge vlan del dev pa vid 1
bridge vlan add dev pa vid 10
bridge vlan add dev pc vid 20 untagged
bridge vlan del dev pa vid 31
bridge vlan del dev pa vid 99
bridge vlan show
bridge vlan add dev br0 vid 10 self
bridge vlan add dev br0 vid 20 pvid untagged self
bridge vlan show dev br0
bridge vlan del dev br0 vid 1 self
bridge vlan show dev br0
bridge vlan add dev br0 vid 30
bridge vlan add dev pb vid 10
bridge vlan add dev pa vid 10 self
bridge vlan add dev nope vid 10
bridge vlan show dev nope
bridge vlan add dev pa vid 4095
bridge vlan add dev pa vid 0
bridge vlan add dev pa vid 5000
bridge vlan add dev pa vid abc
bridge vlan add dev pa vid 20-10
bridge vlan add dev pa vid 5-6 pvid
bridge vlan add dev pa
bridge vlan add vid 10
bridge vlan add dev pa vid 10 whatever
bridge vlan frob
ip link set pc nomaster
bridge vlan show
ip link set pc master br0
bridge vlan show dev pc
ip link del br0
bridge vlan show
