#!/bin/bash
# Chains: user chains in use, renamed, deleted; the legacy backend's own words for the same
# mistakes; -S and -L order (builtins, then user chains by name); counters set with -c.
iptables -N foo
iptables -A foo -j ACCEPT
iptables -X foo
iptables -S
iptables -N foo2
iptables -A INPUT -j foo2
iptables -A foo2 -j RETURN
iptables -A FORWARD -j foo2
iptables -L -n
iptables -D INPUT -j foo2
iptables -X foo2
iptables -N a
iptables -N b
iptables -N c
iptables -A b -j a
iptables -S
iptables -E a z
iptables -S
iptables-legacy -A NOPE -j ACCEPT
iptables-legacy -D INPUT 1
iptables-legacy -I INPUT 5 -j ACCEPT
iptables-legacy -N INPUT
iptables-legacy -N foo
iptables-legacy -A INPUT -j foo
iptables-legacy -X foo
iptables-legacy -A foo -j ACCEPT
iptables-legacy -F foo
iptables-legacy -X INPUT
iptables-legacy -P INPUT BLAH
iptables-legacy -A FORWARD -j MASQUERADE
iptables-legacy -A INPUT -j NOSUCH
iptables-legacy -t bogus -L
iptables-legacy -C INPUT -j ACCEPT
iptables-legacy -D INPUT -j ACCEPT
iptables-legacy -E nope x
iptables-legacy -N zz
iptables-legacy -N aa
iptables-legacy -S
iptables-legacy -L -n
iptables-legacy-save
iptables -S -c
iptables -A INPUT -c 10 20 -j ACCEPT
iptables -S -c
iptables -L -v
