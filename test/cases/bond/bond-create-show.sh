# A bond: made in active-backup and balance-rr mode, shown (-d and -j, as iproute2 6.1 prints
# the bond and bond_slave attributes), slaves enslaved (a slave must be down: the kernel's
# words; enslaving opens it and gives it the bond's MAC, the first slave lends the bond its
# own), the active slave, slaves released (their own MAC back, closed), and the refusals.
ip link add bond0 type bond mode active-backup miimon 100
ip link show bond0
ip -d link show bond0
ip -j -d link show bond0
ip link set bond0 up
ip link show bond0
ip link add d0 type dummy
ip link add d1 type dummy
ip link set d0 up
ip link set d0 master bond0
ip link set d0 down
ip link set d0 master bond0
ip link set d1 master bond0
ip link show d0
ip link show d1
ip link show bond0
ip -d link show d0
ip -j -d link show d1
ip -d link show bond0
ip link set bond0 master bond0
ip link set bond0 mtu 1400
ip link set bond0 address 02:00:00:00:00:b0
ip link show d0
ip link show bond0
ip link add bond1 type bond mode balance-rr
ip -d link show bond1
ip link set d1 nomaster
ip link show d1
ip link set d1 master bond1
ip -d link show d1
ip link show bond1
ip link add bond2 type bond mode bogus
ip link add bond2 type bond miimon abc
ip link add bond2 type bond foo
ip link add bond2 type bond mode 1
ip -d link show bond2
ip link show type bond
ip link show master bond0
ip link del bond0
ip link show d0
