#!/bin/bash
# corpus: three namespaces for a router demo: seq loop, MAC set at link up, ifconfig and route add default gw
# source: https://github.com/iovisor/iovisor-ovn/blob/HEAD/examples/router/setup.sh
# author: IO Visor project (GitHub iovisor)
# licence: Apache-2.0 (repository)
# changes: set -e dropped (net-tools' route is not modelled and would stop the comparison); a
#   route listing appended.
set -x
for i in `seq 1 3`;
do
	if [ -e /var/run/netns/ns${i} ]; then
		sudo ip netns del ns${i}
		sudo ip link del veth${i}
	fi
	sudo ip netns add ns${i}
	sudo ip link add veth${i}_ type veth peer name veth${i}
	sudo ip link set veth${i}_ netns ns${i}
	sudo ip netns exec ns${i} ip link set dev veth${i}_ up
	sudo ip link set dev veth${i} address 82:73:8d:f3:62:${i} up
	sudo ip netns exec ns${i} ifconfig veth${i}_ 10.0.${i}.100/24
	sudo ip netns exec ns${i} route add default gw 10.0.${i}.1 veth${i}_
done
ip link show veth2
