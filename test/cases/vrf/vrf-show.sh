# `ip vrf`: the VRFs and their tables, as iproute2 6.1 lists them (text and JSON), one by name, and the
# words of its refusals; `ip vrf exec` is not modelled.
ip vrf show
ip vrf
ip link add vrf-red type vrf table 10
ip link add vrf-blue type vrf table 200
ip vrf show
ip vrf
ip vrf list
ip -j vrf show
ip vrf show vrf-red
ip vrf show nosuch
ip vrf bogus
ip vrf help
