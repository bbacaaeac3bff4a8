/**
 * The words nftables 1.0.6's scanner takes as keywords in every state (src/scanner.l, outside its start-condition blocks): one of them cannot be a
 * bare table or chain name — nft's parser refuses it (`syntax error, unexpected fwd, expecting
 * string`), and nettwin reports such a line unsupported rather than guess bison's recovery.
 */
export const NFT_KEYWORDS: ReadonlySet<string> = new Set(
  `8021ad 8021q accept add ah all and arp auto-merge bridge cgroup chain comment comp constant continue counter
cpu create ct day dccp define delete describe device devices dnat drop dst dup dynamic ecn element elements
eq esp ether exists expires export exthdr fib flags flow flowtable flush frag fwd gc-interval ge get goto gt
handle hbh hook hour ibriport ibrname icmp icmpv6 igmp iif iifgroup iifname iiftype import include index inet
insert interval ip ip6 ipsec jhash jump le limit list log lshift lt map mark masquerade meta meter mh missing
monitor ne netdev nftrace not notrack numgen obriport obrname offload oif oifgroup oifname oiftype or osf
pkttype policy position priority queue quota random redefine redirect reject rename replace reset return
rshift rt rt0 rt2 rtclassid rule ruleset sctp secmark set size skgid skuid snat socket srh symhash synproxy
table tcp th time timeout tproxy type typeof udp udplite undefine update vlan vmap xor xt`.split(/\s+/),
);
