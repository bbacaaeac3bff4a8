/**
 * What netfilter keeps on a packet (struct sk_buff's _nfct, mark and nf_bridge): the conntrack
 * entry and how this packet relates to it, the firewall mark, and for a frame a bridge passes
 * through br_netfilter the ports it came in and goes out by. All of it belongs to one
 * namespace: a packet that crosses into another (a veth, a tunnel) arrives without it, as
 * skb_scrub_packet clears it.
 */
import type { NfTarget } from '../../src/model/netfilter/target.js';
import type { Link } from '../../src/model/link.js';
import type { CtDir, CtEntry } from '../../src/model/netfilter/conntrack.js';
import type { Ct6Entry } from '../../src/model/netfilter/conntrack6.js';
import type { Netns } from '../../src/model/netns.js';
import type { Ip6Packet, IpPacket } from '../packet.js';

/** enum ip_conntrack_info, folded: the state bits the conntrack match tests. */
export type CtInfo = 'established' | 'related' | 'new';

export interface PacketNf {
  /** the namespace this state belongs to */
  ns: Netns;
  /** the verdict a verdict map of the rule being matched picked (chain.ts takes it at once) */
  vmapHit?: NfTarget;
  /** null: not tracked (INVALID, or conntrack is off in the namespace) */
  ct: CtEntry | null;
  dir: CtDir;
  info: CtInfo;
  /** the entry is not yet in the table (confirmed at INPUT / POSTROUTING) */
  unconfirmed: boolean;
  mark: number;
  /** br_netfilter: the bridge port the frame came in by, and the one it leaves by */
  physIn: Link | null;
  physOut: Link | null;
  /** set once the frame went through br_netfilter's PREROUTING (ip_rcv does not run it again) */
  bridgedPre: boolean;
  /** an IPv6 packet: its connection's state bits (CT_STATE), once conntrack saw it */
  ct6State?: number;
  /** and its entry when that is new, to join the table at INPUT / POSTROUTING */
  ct6New?: Ct6Entry | null;
  /** its IPv6 connection, new or found (where CONNMARK and connmark read and write the mark; an error's RELATED one) */
  ct6?: Ct6Entry | null;
  /** the direction the packet goes in its IPv6 connection */
  ct6Dir?: CtDir;
  /** the frame it came in (skb->pkt_type, the MAC header's source): none for a packet made here */
  l2?: PacketL2;
  /** a raw table's NOTRACK: conntrack leaves the packet alone, rules see UNTRACKED */
  untracked?: boolean;
}

/** What netfilter reads of the frame a packet arrived in. */
export interface PacketL2 {
  pktType: 'host' | 'broadcast' | 'multicast' | 'otherhost';
  /** null on a device without Ethernet headers (tun, lo's own packets) */
  src: string | null;
}

/** The packet's netfilter state in `ns` (fresh when it has none there yet). */
export function nfMeta(pkt: IpPacket | Ip6Packet, ns: Netns): PacketNf {
  const m = pkt.nf;
  if (m && m.ns === ns) return m;
  const fresh: PacketNf = { ns, ct: null, dir: 'original', info: 'new', unconfirmed: false, mark: 0, physIn: null, physOut: null, bridgedPre: false };
  pkt.nf = fresh;
  return fresh;
}

/**
 * nf_ct_attach (icmp_glue_bits): an ICMP error the namespace sends about `about` carries that
 * packet's connection, RELATED in the other direction — confirmed or not, so a REJECT's own
 * error meets the OUTPUT rules as RELATED even when the rejected packet's entry never joined the
 * table.
 */
export function nfCtAttach(err: IpPacket, about: IpPacket, ns: Netns): void {
  const m = about.nf;
  if (!m || m.ns !== ns || !m.ct) return;
  err.nf = { ns, ct: m.ct, dir: m.dir === 'original' ? 'reply' : 'original', info: 'related', unconfirmed: false, mark: 0, physIn: null, physOut: null, bridgedPre: false };
}
