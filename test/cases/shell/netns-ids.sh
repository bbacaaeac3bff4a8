#!/usr/bin/env bash
# Namespace ids: none after `ip netns add`; `ip netns set NAME N|auto` gives one (once — a second
# one, or an id in use, is the kernel's extack); `ip netns list` shows `(id: N)` and list-id the
# ids in nsid order; a veth into another namespace gives ids as the kernel allocates them
# lazily, seen in `link-netns` and from the namespace that holds them; a deleted namespace's
# id is forgotten.
ip netns add A
ip netns add B
ip netns add C
ip netns list
ip netns list-id
ip netns set A 5
ip netns list
ip netns list-id
ip netns set A 6
ip netns set B 5
ip netns set B auto
ip netns set C abc
ip netns set C -1
ip netns set C 2147483648
ip netns set D 1
ip netns set C
ip netns set
ip netns list-id
ip netns list-id nsid 5
ip netns list-id nsid 7
ip netns list-id junk
ip -j netns list-id
ip -n A netns list-id
ip link add v0 netns A type veth peer name v1 netns C
ip netns list-id
ip -n A netns list-id
ip -n C netns list-id
ip -n A netns list
ip -n A -j netns list
ip -n A -o link show v0 | sed 's/link\/ether [^ ]*/link\/ether X/'
ip link add r0 type veth peer name r1 netns B
ip -n B netns list-id
ip -n B -j netns list-id
ip netns list
ip netns del A
ip netns list-id
ip netns set C 0
ip netns set C 0x10
ip netns list-id
