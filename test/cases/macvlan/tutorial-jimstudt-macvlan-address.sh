#!/bin/bash
# Adapted from http://jim.studt.net/depository/index.php/notes-on-linux-s-macvlan-module:
# "You create a new interface thusly (note eth0, missing in most docs): ip link add link eth0
# address 00:19:d1:29:d2:58 macvlan0 type macvlan" and "You can leave out the macvlan0 and it
# will allocate one". The missing eth0 is the error most docs lead to. eth0 is a veth here.
ip link add eth0 type veth peer name eth0-far
ip link add address 00:19:d1:29:d2:58 macvlan0 type macvlan
ip link add link eth0 address 00:19:d1:29:d2:58 macvlan0 type macvlan
ip link add link eth0 type macvlan
ip link add link eth0 type macvlan
ip -d link show macvlan0
ip -d link show macvlan1
ip link show
ip link add link eth0 address 01:19:d1:29:d2:58 macvlan3 type macvlan
ip link delete macvlan1
ip link delete eth0
ip link show
