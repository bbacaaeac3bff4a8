#!/bin/bash
# corpus: containerlab FRR node: a management VRF and a dummy interface
# corpus: second-kernel (vrf, dummy)
# source: https://github.com/strat0d/clab-labs/blob/HEAD/frr-test/clab-frr2/core-r3/intf.sh
# author: strat0d (GitHub)
# licence: not stated
# changes: eth0 (containerlab's management interface) created as a veth first.
ip link add eth0 type veth peer name eth0-peer
ip link add dev mgmt type vrf table 100
ip link set dev mgmt up
ip link set dev eth0 master mgmt
ip link add dev dum0 type dummy
ip link set dev dum0 up
