#!/bin/bash
# Adapted from https://wener.tech/notes/os/linux/network/veth (veth notes): a veth pair is a
# cable with two ends; it can be moved into a namespace, or created with both ends already there.
ip netns add ns1
ip netns add ns2
# veth0 和 veth1 为网线两端
ip link add veth0 type veth peer name veth1
# 修改 veth0 到 netns
ip link set veth0 netns ns1
ip -n ns1 link
# 创建到 netns: both ends created directly inside namespaces
ip link add veth0 netns ns1 type veth peer veth1 netns ns2
ip link add veth2 netns ns1 type veth peer veth3 netns ns2
ip -n ns1 -br link
ip -n ns2 -br link
ip -br link
