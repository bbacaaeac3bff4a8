# iptables (its nf_tables backend) on a kernel built with nf_tables but without its ip and ip6
# families (UML's 6.1: CONFIG_NF_TABLES_IPV4/IPV6 off): every command that needs a table makes
# it first, and the kernel refuses the table (TABLE_ADD, EOPNOTSUPP, exit 4); listing and
# checking need none, so they answer from the tool's stand-in chains, and packets meet no rule.
ip netns add a
ip link add va type veth peer name e0 netns a
ip addr add 10.0.0.1/24 dev va
ip link set va up
ip -n a addr add 10.0.0.2/24 dev e0
ip -n a link set e0 up
iptables -A INPUT -p icmp -j DROP
iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -j MASQUERADE
iptables -I INPUT 1 -j ACCEPT
iptables -P FORWARD DROP
iptables -N custom
iptables -F INPUT
iptables -F
iptables -Z
iptables -X
iptables -D INPUT -p icmp -j DROP
iptables -C INPUT -p icmp -j DROP
iptables -L -n
iptables -S
iptables -t nat -L -n -v
ip6tables -A INPUT -j DROP
ip6tables -S
ip netns exec a iptables -A OUTPUT -j DROP
ip netns exec a ping -c 1 -W 1 10.0.0.1
