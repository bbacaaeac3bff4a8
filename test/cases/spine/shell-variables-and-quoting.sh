#!/bin/bash
# Variables in every form tutorials use: $VAR, ${VAR}, "${VAR}", exported, and a prefix
# built from two variables.
export NS=web
BR="br-${NS}"
VETH_HOST=veth_${NS}_h
VETH_NS=veth_${NS}_n
SUBNET_PREFIX=10.77.0
MASK=24

ip netns add "${NS}"
ip link add ${BR} type bridge
ip link add $VETH_HOST type veth peer name $VETH_NS
ip link set "$VETH_NS" netns "$NS"
ip link set ${VETH_HOST} master ${BR}
ip addr add ${SUBNET_PREFIX}.1/${MASK} dev ${BR}
ip -n ${NS} addr add "${SUBNET_PREFIX}.2/${MASK}" dev ${VETH_NS}
ip link set ${BR} up
ip link set ${VETH_HOST} up
ip -n ${NS} link set ${VETH_NS} up
ip -n ${NS} route add default via ${SUBNET_PREFIX}.1
echo "namespace $NS attached to $BR"
ip -n ${NS} route
