#!/bin/bash
# corpus: IP management notes: addresses with brd and a label, deleted label first then the primary
# source: https://github.com/kainonly/apache-php56/blob/HEAD/source/_posts/ops/linux_ip.md
# author: kainonly (GitHub)
# licence: not stated
# changes: bond0 (a bond; not on this kernel) replaced by a veth named bond0; "add" before "del"
#   (the notes list deletion first).
ip link add bond0 type veth peer name bond0-peer
ip addr add 192.168.56.100/24 brd 192.168.56.255 dev bond0
ip addr add 192.168.56.101/24 brd 192.168.56.255 dev bond0 label bond0:1
ip addr show dev bond0
ip addr del 192.168.56.101/24 dev bond0 label bond0:1
ip addr del 192.168.56.100/24 dev bond0
ip addr show dev bond0
