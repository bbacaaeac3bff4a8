#!/bin/bash
# ip address delete with a label: the label is one more thing the address must match
# (inet_rtm_deladdr tests IFA_LABEL); ip does not check it against the device on delete.
ip link add b0 type veth peer name b1
ip addr add 10.0.0.1/24 dev b0
ip addr add 10.0.0.2/24 dev b0 label b0:1
ip addr del 10.0.0.2/24 dev b0 label b0:9
ip addr del 10.0.0.1/24 dev b0 label b0:1
ip addr del 10.0.0.2/24 dev b0 label x0
ip addr del 10.0.0.2/24 dev b0 label b0:1
ip addr del 10.0.0.1/24 dev b0 label b0
ip addr add 10.0.0.3/24 dev b0 label b0:1
ip addr show dev b0
