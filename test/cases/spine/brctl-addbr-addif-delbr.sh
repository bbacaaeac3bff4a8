# The bridge-utils way: brctl for the bridge, ip for the rest, and its failure modes.
brctl addbr br0
brctl addbr br0
ip link add tap0 type veth peer name tap0-peer
brctl addif br0 tap0
brctl addif br0 tap0
brctl addif br0 tap9
brctl addif br9 tap0
brctl show
ip link set br0 up
brctl delbr br0
ip link set br0 down
brctl delif br0 tap0
brctl delbr br0
brctl show
