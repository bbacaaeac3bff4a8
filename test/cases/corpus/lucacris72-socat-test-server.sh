#!/bin/bash
# corpus: eBPF lab: a socat TCP listener bound to one address, with fork and reuseaddr
# source: https://github.com/lucacris72/058172-network-computing-labs/blob/HEAD/ebpf-labs/project_24-25/test_server.sh
# author: lucacris72 (GitHub)
# licence: not stated
# changes: the address 10.0.0.1 put on a veth first; the listener runs in the background without
#   fork (one connection) and "-" replaced by /dev/null; one client connects.
ip link add lab0 type veth peer name lab1
ip addr add 10.0.0.1/24 dev lab0
ip link set lab0 up
ip link set lab1 up
export TARGET_IP_ADDR="10.0.0.1"
export TEST_PORT=8080
echo "Avvio listener socat su $TARGET_IP_ADDR:$TEST_PORT..."
socat TCP4-LISTEN:$TEST_PORT,bind=$TARGET_IP_ADDR,reuseaddr /dev/null &
sleep 1
socat /dev/null TCP4:$TARGET_IP_ADDR:$TEST_PORT
wait
