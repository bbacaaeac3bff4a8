#!/bin/bash
# Two raw/mangle classics of firewall guides: NOTRACK in the raw table, so connection tracking
# leaves traffic alone (iptables-extensions(8) "CT --notrack", the "raw table" section of
# https://www.frozentux.net/iptables-tutorial/iptables-tutorial.html#RAWTABLE; nft's `notrack`,
# https://wiki.nftables.org/wiki-nftables/index.php/Setting_packet_connection_tracking_metainformation),
# and the TTL target of the mangle table (`--ttl-set`, `--ttl-dec`, `--ttl-inc`), which the
# receiver's ping shows. Untracked packets match `--ctstate UNTRACKED`, never NAT, and leave no
# entry in `conntrack -L`.
ip netns add a
ip netns add r
ip netns add b
ip link add a0 netns a type veth peer name ra netns r
ip link add b0 netns b type veth peer name rb netns r
ip -n a addr add 10.12.1.2/24 dev a0
ip -n r addr add 10.12.1.1/24 dev ra
ip -n r addr add 10.12.2.1/24 dev rb
ip -n b addr add 10.12.2.2/24 dev b0
ip -n a link set a0 up
ip -n b link set b0 up
ip -n r link set ra up
ip -n r link set rb up
ip -n a route add default via 10.12.1.1
ip -n b route add default via 10.12.2.1
ip netns exec r sysctl -qw net.ipv4.ip_forward=1
ip netns exec r iptables -t raw -A PREROUTING -s 10.12.1.2 -p icmp -j CT --notrack
ip netns exec r iptables -t raw -A PREROUTING -d 10.12.1.2 -p icmp -j NOTRACK
ip netns exec r iptables -A FORWARD -m conntrack --ctstate UNTRACKED -j ACCEPT
ip netns exec r iptables -A FORWARD -m conntrack --ctstate INVALID -j DROP
ip netns exec r iptables -t nat -A POSTROUTING -o rb -j MASQUERADE
ip netns exec r iptables -t mangle -A FORWARD -d 10.12.2.2 -j TTL --ttl-set 200
ip netns exec r iptables -t mangle -A POSTROUTING -d 10.12.1.2 -j TTL --ttl-dec 10
ip netns exec a ping -c 2 -W 1 10.12.2.2
ip netns exec a nc -z -v -w 1 10.12.2.2 80
ip netns exec r conntrack -L
ip netns exec r iptables -t raw -L -n -v
ip netns exec r iptables -t raw -S
ip netns exec r iptables -t mangle -L -n -v
ip netns exec r iptables -t mangle -S
ip netns exec r iptables -L FORWARD -n -v
ip netns exec r nft list table ip raw
ip netns exec r iptables -t mangle -A POSTROUTING -j TTL --ttl-inc 2
ip netns exec r iptables -t mangle -A POSTROUTING -j TTL --ttl-dec 0
ip netns exec r iptables -t mangle -A POSTROUTING -j TTL
ip netns exec r iptables -A INPUT -j TTL --ttl-set 3
ip netns exec r iptables -A INPUT -j NOTRACK
ip netns exec r iptables-legacy -t raw -A PREROUTING -j NOTRACK
ip netns exec r iptables-legacy -t raw -S
# nft's own
ip netns exec b nft add table ip t
ip netns exec b nft add chain ip t pre '{ type filter hook prerouting priority -300; }'
ip netns exec b nft add rule ip t pre ip protocol icmp notrack
ip netns exec b nft add chain ip t in '{ type filter hook input priority 0; }'
ip netns exec b nft add rule ip t in ct state untracked counter
ip netns exec a ping -c 1 -W 1 10.12.2.2
ip netns exec b nft list table ip t
