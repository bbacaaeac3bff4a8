#!/bin/bash
# corpus: ucarp hook: a VIP on a dummy interface, usage check on the argument count
# corpus: second-kernel (dummy)
# source: https://github.com/contiv-experimental/volplugin/blob/HEAD/ansible/roles/ucarp/files/ucarp/vip_up.sh
# author: Contiv (GitHub contiv-experimental)
# licence: Apache-2.0 (repository)
# changes: the two arguments given with set -- (eth0, 10.1.1.100/24); -e dropped so the
#   failure of the dummy link is followed by what the script would do next.
set -- eth0 10.1.1.100/24
usage="$0 <ifname> <vip>"
if [ $# -ne 2 ]; then
    echo USAGE: $usage
    exit 1
fi
set -x
intf=$1
vip=$2
/sbin/ip link add name ${intf}_0 type dummy
/sbin/ip addr add ${vip} dev ${intf}_0
/sbin/ip link set dev ${intf}_0 up
