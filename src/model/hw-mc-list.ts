/**
 * A device's hardware multicast address list (dev->mc, net/core/dev_addr_lists.c), which
 * `bridge fdb show` prints as `self permanent` entries (ndo_dflt_fdb_dump). Each address is
 * appended when some group first maps to it and removed when the last one goes, so the order
 * is the order of joins — measured on 6.18:
 *
 * - registration: IPv6's all-nodes group ff02::1 (ipv6_add_dev), ff02::2 too once IPv6
 *   forwarding is on — joined even while the device is down;
 * - up: a bridge with multicast snooping joins its snoopers' groups first (br_dev_open:
 *   224.0.0.106, ff02::6a), then IPv4's all-hosts 224.0.0.1 (ip_mc_up), then IPv6 loads its
 *   groups again if a down had unloaded them (ipv6_mc_up walks its list newest first), then
 *   each IPv6 address joins its solicited-node group as DAD begins;
 * - down unloads every group (ip_mc_down, ipv6_mc_down, br_multicast_stop): a device that was
 *   up once and is down has an empty list; disabling IPv6 unloads only IPv6's.
 *
 * The list is kept lazily: the model remembers the list it last showed and the device's down
 * counts then; on the next look it replays what happened since (a down empties the list, an
 * IPv6 ifdown removes IPv6's addresses) and appends what is new in the order above.
 */
import type { Link } from './link.js';
import { IP6_ALL_NODES, IP6_ALL_ROUTERS, ip6MulticastMac, solicitedNode } from './ipv6/ip6.js';

/** What the model remembers of a device's list between looks. */
export interface HwMcMemory {
  list: string[];
  /** the registration it belongs to: a device moved to another namespace starts again */
  ns: object;
  downs: number;
  v6downs: number;
}

const V4_ALL_HOSTS = '01:00:5e:00:00:01';
/** 224.0.0.106 and ff02::6a: multicast router discovery, joined by a snooping bridge */
const SNOOPER4 = '01:00:5e:00:00:6a';
const SNOOPER6 = '33:33:00:00:00:6a';
const IP6_MIN_MTU = 1280;

/** IPv6 is configured on the device at all (disable_ipv6 off, MTU large enough). */
function hasV6(l: Link): boolean {
  return !l.inet6.conf.disable_ipv6 && l.mtu >= IP6_MIN_MTU;
}

/**
 * IPv6's groups are loaded: ipv6_add_dev joins all-nodes at registration whatever disable_ipv6
 * says (measured: a device made with IPv6 disabled lists 33:33:00:00:00:01), and they stay
 * until an ifdown (a down, or IPv6 disabled on a configured device) unloads them; coming up
 * with IPv6 on loads them again.
 */
function v6Loaded(l: Link): boolean {
  return l.mtu >= IP6_MIN_MTU && (l.inet6.up || (l.inet6.ifdowns ?? 0) === 0);
}

/** IPv6's device-wide groups, as ipv6_mc_up walks them after a down (newest first). */
function v6Groups(l: Link): string[] {
  const g = [ip6MulticastMac(IP6_ALL_NODES)];
  if (l.inet6.conf.forwarding) g.unshift(ip6MulticastMac(IP6_ALL_ROUTERS));
  return g;
}

/** The solicited-node groups of the device's addresses (in the order they were added) and proxy entries. */
function solicited(l: Link): string[] {
  const out: string[] = [];
  const added = [...l.inet6.addrs].sort((a, b) => (a.joinSeq ?? 0) - (b.joinSeq ?? 0));
  for (const a of added) out.push(ip6MulticastMac(solicitedNode(a.addr)));
  for (const p of l.ns.inet6.proxies.values()) if (p.dev === l) out.push(ip6MulticastMac(solicitedNode(p.addr)));
  return out;
}

function snooping(l: Link): boolean {
  return l.kind === 'bridge' && l.up && (l.bridge!.opts?.mcast_snooping ?? 1) !== 0;
}

/** The addresses the device should hold now, in the order one event adding all of them would append them. */
function wanted(l: Link, afterDown: boolean): string[] {
  const out: string[] = [];
  const v6 = v6Loaded(l);
  if (!afterDown && v6) out.push(...v6Groups(l).reverse());
  if (snooping(l)) out.push(SNOOPER4, ...(hasV6(l) ? [SNOOPER6] : []));
  if (l.up) out.push(V4_ALL_HOSTS);
  if (afterDown && v6) out.push(...v6Groups(l));
  if (v6) out.push(...solicited(l));
  return out;
}

/** dev->mc as the kernel holds it now. */
export function hwMcList(l: Link): string[] {
  const downs = l.adminDowns ?? 0;
  const v6downs = l.inet6.ifdowns ?? 0;
  let m = l.hwmc;
  // once a down (or an IPv6 ifdown) has unloaded IPv6's groups, they come back after IPv4's
  const reloaded = downs > 0 || v6downs > 0;
  if (!m || m.ns !== l.ns) {
    // first look (or a new registration): replay the device's life in the canonical order
    const list = unique(wanted(l, reloaded));
    l.hwmc = { list, ns: l.ns, downs, v6downs };
    return list;
  }
  let list = m.list;
  const afterDown = downs !== m.downs;
  if (afterDown) list = [];
  else if (v6downs !== m.v6downs) list = list.filter((a) => !a.startsWith('33:33:'));
  const want = unique(wanted(l, reloaded));
  const keep = new Set(want);
  list = list.filter((a) => keep.has(a));
  const have = new Set(list);
  for (const a of want) if (!have.has(a)) list.push(a);
  m = { list, ns: l.ns, downs, v6downs };
  l.hwmc = m;
  return list;
}

function unique(a: string[]): string[] {
  return [...new Set(a)];
}
