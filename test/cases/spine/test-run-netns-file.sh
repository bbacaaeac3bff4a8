#!/bin/bash
# `[ -e /var/run/netns/NAME ]`, the usual guard before re-creating a namespace: the file exists
# (a regular, empty, readable file) exactly while the namespace does.
ip netns add x
for op in -e -f -d -s -r -a; do [ $op /var/run/netns/x ]; echo "$op $?"; [ $op /run/netns/y ]; echo "no $op $?"; done
if [ -e /var/run/netns/x ]; then ip netns del x; fi
[ -e /run/netns/x ] || echo gone
ip netns list
