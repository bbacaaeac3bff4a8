#!/usr/bin/env bash
# corpus: lab teardown: links moved back to the root namespace with "netns 1", then deleted
# source: https://github.com/rare-freertr/RARE-bmv2/blob/HEAD/00-unit-labs/0000-topology-D/bin/teardown_core1.sh
# author: RARE project (GitHub rare-freertr)
# licence: not stated
# changes: the namespace core1 with its two links built first (a setup script of the lab).
ip netns add core1
ip link add core1-eth0 type veth peer name sw-eth0
ip link add core1-grpc type veth peer name sw-grpc
ip link set core1-eth0 netns core1
ip link set core1-grpc netns core1
ip netns exec core1 ip link set core1-eth0 down
ip netns exec core1 ip link set core1-grpc down
ip netns exec core1 ip link set core1-eth0 netns 1
ip netns exec core1 ip link set core1-grpc netns 1
ip link delete dev core1-eth0
ip link delete dev core1-grpc
ip netns delete core1
ip link
