# The default policy rules, source rules, a duplicate, a delete that matches nothing.
ip rule
ip -j rule
ip rule add from 10.1.0.0/16 table 100
ip rule add from 10.2.0.0/16 table 200 priority 100
ip rule add from 10.1.0.0/16 table 100
ip rule add to 10.3.0.0/16 lookup main pref 500
ip rule add iif veth0 table 300
ip rule show
ip rule del from 10.9.0.0/16
ip rule del priority 100
ip rule del from 10.1.0.0/16 table 100
ip rule list
ip rule add from 10.4.0.0/16 table nosuchtable
ip netns add ns1
ip -n ns1 rule
