# ethtool -k and -K: each kind's features as the kernel reports them ([fixed] where the driver
# cannot change one, [requested on] where a tun refuses an offload its process did not enable),
# and the kernel's dependencies: tx off takes TSO and UDP segmentation with the checksums, sg
# off takes TSO and GSO; what came out other than asked is "Actual changes:", and a request
# none of whose features took fails with "Could not change any device features".
ip link add eth0 type veth peer name eth0-peer
ip link add br0 type bridge
ip tuntap add dev tap0 mode tap
ip tuntap add dev tun0 mode tun
ip link add mac0 link eth0 type macvlan mode bridge
ip link add vx0 type vxlan id 42 dstport 4789
ethtool -k lo
ethtool -k eth0
ethtool -k br0
ethtool -k tap0
ethtool -k tun0
ethtool -k mac0
ethtool -k vx0
ethtool -K eth0 tx off
ethtool -k eth0
ethtool -K eth0 tx on
ethtool -K eth0 rx off
ethtool -K eth0 sg off
ethtool -K eth0 sg on
ethtool -K eth0 tso off
ethtool -K eth0 gso off
ethtool -K eth0 gro off
ethtool -K eth0 gro on
ethtool -K eth0 lro on
ethtool -K eth0 tx-checksum-ip-generic off
ethtool -K eth0 tx-checksumming on
ethtool -K eth0 bogus off
ethtool -K eth0 rx on bogus off
ethtool -K eth0 tx maybe
ethtool -K eth0 tx
ethtool -K eth0 rxvlan off txvlan off highdma off
ethtool -K eth0 tx-nocache-copy on rx-gro-list on rx-udp-gro-forwarding on
ethtool -K eth0 loopback on
ethtool -K eth0 ufo off
ethtool -K eth0 tx off sg off
ethtool -K eth0 ntuple on
ethtool -K eth0 vlan-challenged on
ethtool -K eth0
ethtool -k eth0
ethtool -K tap0 tx off
ethtool -K tap0 tso on
ethtool -K tap0 gro off
ethtool -k tap0
ethtool -K lo tx off
ethtool -K lo gro off
ethtool -k lo
ethtool -K vx0 tx off sg off
ethtool -k vx0
ethtool -k nope
ethtool -K nope tx off
ethtool -K nope tx maybe
ethtool -k eth0 extra
ethtool --show-features eth0-peer
ethtool --offload eth0-peer gso off
ethtool --features eth0-peer gso on
