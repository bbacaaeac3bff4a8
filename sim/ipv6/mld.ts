/**
 * Multicast listener membership and the reports the kernel sends (net/ipv6/mcast.c; RFC 3810).
 * A configured device listens to all-nodes (ff02::1), to the solicited-node group of every
 * address it holds (tentative ones too: DAD joins it first), and to all-routers (ff02::2)
 * while it forwards. Joining a group other than all-nodes sends an unsolicited MLDv2 report
 * to ff02::16 at once and a second one within mldv2_unsolicited_report_interval (robustness
 * 2); the model sends them at once and a second later. Nothing in the lab queries or snoops
 * (bridges flood them): their effect is the traffic itself, which a tunnel carries.
 */
import type { Link } from '../../src/model/link.js';
import { IP6_ALL_NODES, IP6_ALL_ROUTERS, IP6_MLDV2_ROUTERS, ip6MulticastMac, solicitedNode, type Ip6 } from '../../src/model/ipv6/ip6.js';
import { addrUsable } from '../../src/model/ipv6/inet6-dev.js';
import { isIp6LinkLocal } from '../../src/model/ipv6/ip6.js';
import { icmp6Packet, type Ip6Packet } from '../packet.js';
import type { Simulator } from '../simulator.js';
import { nfLocalOut6 } from '../netfilter/hook6.js';
import { ETHERTYPE } from '../wire/ethernet.js';
import { NEXTHDR } from '../wire/ipv6.js';

const LOW24 = 0xffffffn;
/** ff02::1:ff00:0/104 shifted down by its 24 free bits */
const SOLICITED_HIGH = solicitedNode(0n) >> 24n;

/**
 * A group as joined6 tells them apart, worked out once per packet rather than once per
 * listener asked (a bridge asks every port about every group packet): ALL_NODES, ALL_ROUTERS,
 * OTHER, or a solicited-node group as the low 24 bits of the addresses it stands for.
 */
export type GroupKey = number;
const ALL_NODES_KEY = -1;
const ALL_ROUTERS_KEY = -2;
const OTHER_KEY = -3;

export function groupKey(group: Ip6): GroupKey {
  if (group === IP6_ALL_NODES || group === ((0xff01n << 112n) | 1n)) return ALL_NODES_KEY;
  if (group === IP6_ALL_ROUTERS) return ALL_ROUTERS_KEY;
  return group >> 24n === SOLICITED_HIGH ? Number(group & LOW24) : OTHER_KEY;
}

/** An address's low 24 bits, kept per address (an Inet6Addr's address never changes). */
const lows = new WeakMap<object, number>();
function low24(a: { addr: Ip6 }): number {
  let v = lows.get(a);
  if (v === undefined) lows.set(a, (v = Number(a.addr & LOW24)));
  return v;
}

/** A solicited-node group's key (the others are negative). */
export function isSolicitedKey(key: GroupKey): boolean {
  return key >= 0;
}

/**
 * The solicited-node keys `dev` could be listening to, whatever its state: its addresses' and
 * its proxy entries' (joinedKey decides; this only narrows whom to ask).
 */
export function solicitedKeys(dev: Link): number[] {
  const out: number[] = [];
  for (const a of dev.inet6.addrs) out.push(low24(a));
  const proxies = dev.ns.inet6.proxies;
  if (proxies.size) for (const p of proxies.values()) if (p.dev === dev) out.push(low24(p));
  return out;
}

/** The device listens to `group` (ipv6_chk_mcast_addr). */
export function joined6(dev: Link, group: Ip6): boolean {
  return joinedKey(dev, groupKey(group));
}

/** joined6 for a group's key. */
export function joinedKey(dev: Link, key: GroupKey): boolean {
  const d = dev.inet6;
  if (!d.ready || d.conf.disable_ipv6) return false;
  if (key === ALL_NODES_KEY) return true;
  if (key === ALL_ROUTERS_KEY) return !!d.conf.forwarding;
  if (key === OTHER_KEY) return false;
  // solicitedNode(a) === group
  for (const a of d.addrs) if (low24(a) === key) return true;
  // pndisc_constructor: a proxy entry with a device joins its address's solicited-node group there
  const proxies = dev.ns.inet6.proxies;
  if (proxies.size) for (const p of proxies.values()) if (p.dev === dev && low24(p) === key) return true;
  return false;
}

/** The source of an MLD report: a valid link-local of the device, else `::`. */
function reportSource(dev: Link): Ip6 {
  for (const a of dev.inet6.addrs) if (isIp6LinkLocal(a.addr) && addrUsable(a)) return a.addr;
  return 0n;
}

/** An MLDv2 report of joins, with its hop-by-hop router alert (8 bytes before the ICMPv6 message). */
export function mldReport(dev: Link, groups: Ip6[]): Ip6Packet {
  const p = icmp6Packet(reportSource(dev), IP6_MLDV2_ROUTERS, 1, { type: 143, code: 0, records: groups.map((g) => ({ type: 4, group: g })) });
  p.ip6.nextHeader = NEXTHDR.hopopts;
  p.ip6.payloadLen += 8;
  return p;
}

/** igmp6_join_group's unsolicited reports for `groups` on `dev` (none for all-nodes). */
export function mldJoin(sim: Simulator, dev: Link, groups: Ip6[]): void {
  const report = groups.filter((g) => g !== IP6_ALL_NODES);
  // a device without IFF_MULTICAST (lo) sends no reports
  if (!report.length || !dev.up || dev.kind === 'loopback') return;
  const send = () => {
    if (!sim.isLive(dev) || !dev.up || dev.inet6.conf.disable_ipv6) return;
    if (sim.tracer) sim.step(dev.ns, 'send', `${dev.name}: the kernel sends an MLDv2 report (joins ${report.length} group${report.length > 1 ? 's' : ''})`);
    const pkt = mldReport(dev, report);
    // mld_sendpack: NF_INET_LOCAL_OUT, then POST_ROUTING
    if (!nfLocalOut6(sim, sim.state(dev.ns), pkt, dev)) return;
    sim.xmit(dev, { eth: { src: dev.mac, dst: ip6MulticastMac(IP6_MLDV2_ROUTERS), ethertype: ETHERTYPE.ipv6 }, arp: null, pkt: null, pkt6: pkt, bridgeHops: 0 });
  };
  send();
  sim.queue.after(1_000_000, send);
}
