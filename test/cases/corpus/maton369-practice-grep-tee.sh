#!/bin/bash
# corpus: veth pairs listed through grep and tee
# source: https://github.com/maton369/Linux_Network_Namespace_Practice/blob/HEAD/scripts/practice.sh
# author: maton369 (GitHub)
# licence: not stated
# changes: the log file is written under the scratch area (/dev/null) instead of output.log.
ip link add ns1-veth0 type veth peer name ns1-br0
ip link add ns2-veth0 type veth peer name ns2-br0
ip link add ns3-veth0 type veth peer name ns3-br0
ip link show | grep veth | tee /dev/null
