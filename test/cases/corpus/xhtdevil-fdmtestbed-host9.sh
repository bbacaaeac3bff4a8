#!/bin/bash
# corpus: testbed host: a /32 address by ifconfig, a source rule, table 1 and a nexthop default
# source: https://github.com/xhtdevil/FDMTestBed/blob/HEAD/testcase9/testcase9_modi/testcase9_greedy_delay/host9.sh
# author: xhtdevil (GitHub)
# licence: not stated
# changes: host9-eth0 (a Mininet link) created as a veth pair first and brought up.
ip link add host9-eth0 type veth peer name s9-eth1
ip link set host9-eth0 up
ip link set s9-eth1 up
ifconfig host9-eth0 10.0.10.0 netmask 255.255.255.255
ip rule add from 10.0.10.0 table 1
ip route add 10.0.10.0/32 dev host9-eth0 scope link table 1
ip route add default via 10.0.10.0 dev host9-eth0 table 1
ip route add default scope global nexthop via 10.0.10.0 dev host9-eth0
ip route show table 1
ip route
