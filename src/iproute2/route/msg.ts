/**
 * One route as the kernel sends it to iproute2 (an rtmsg with its RTA_* attributes), and
 * iproute2's print_route (ip/iproute.c) over it. `ip route show`, `ip route get` and
 * `get … fibmatch` all print through here, so every field is described once for text and JSON.
 */
import { dsfieldName, protoName, scopeName, tableName } from '../names.js';
import type { Printer } from '../print.js';
import type { Nexthop } from '../../model/nexthop.js';
import { printNexthopFields } from '../nexthop/print.js';

/** A route message: only the attributes the kernel would include are set. */
export interface RouteMsg {
  family: 'inet' | 'inet6';
  /** rtm_type, by name (`unicast`, `local`, …) */
  type: string;
  /** RTA_DST, formatted; null when absent (a default route) */
  dst: string | null;
  dstLen: number;
  /** RTA_SRC (`ip route get … from S`) */
  from?: string;
  tos: number;
  gateway?: string;
  dev?: string;
  /** RTA_TABLE */
  table: number;
  protocol: number;
  scope: number;
  prefsrc?: string;
  /** RTA_PRIORITY */
  metric?: number;
  /** rtm_flags by name, in print_rt_flags order (`onlink`, `linkdown`, `rt_offload_failed`) */
  flags: string[];
  /** RTM_F_CLONED: an answer of `ip route get` */
  cloned: boolean;
  /** RTCF_* names for `cache <…>` (cloned IPv4 routes) */
  cache?: string[];
  /** RTA_MARK */
  mark?: number;
  uid?: number;
  /** RTA_METRICS mtu */
  mtu?: number;
  /** the mtu metric is locked (RTAX_LOCK): a PMTU learned below ip_rt_min_pmtu */
  mtuLock?: boolean;
  /** RTA_METRICS hoplimit */
  hoplimit?: number;
  /** RTA_CACHEINFO's rta_expires, in whole seconds: a cached route's learned PMTU, an expiring IPv6 route */
  expires?: number;
  iif?: string;
  /** RTA_PREF (IPv6) */
  pref?: string;
  /** RTA_MULTIPATH: the nexthops of a multipath route (no RTA_GATEWAY nor RTA_OIF then) */
  nexthops?: HopMsg[];
  /** RTA_NH_ID */
  nhid?: number;
  /** the nexthop object of RTA_NH_ID, which `-d` prints as nh_info (iproute2's nexthop cache) */
  nhInfo?: Nexthop;
}

/** One struct rtnexthop with its RTA_GATEWAY. */
export interface HopMsg {
  gateway?: string;
  dev: string;
  weight: number;
  /** rtnh_flags by name, in print_rt_flags order (`dead`, `onlink`, `linkdown`) */
  flags: string[];
}

/**
 * What the command's selectors hide (a field the user filtered on exactly is not repeated),
 * as iproute2's `filter` struct decides in print_route.
 */
export interface RouteHide {
  /** filter.tb != 0: the table is never printed */
  table: boolean;
  dev: boolean;
  protocol: boolean;
  scope: boolean;
  metric: boolean;
  tos: boolean;
  iif: boolean;
  /** `via A` with a full-length address */
  via: boolean;
  /** `src A` with a full-length address */
  prefsrc: boolean;
  /** `type T`: only a route of that type prints its type word */
  type: string | null;
}

export function noHide(): RouteHide {
  return { table: false, dev: false, protocol: false, scope: false, metric: false, tos: false, iif: false, via: false, prefsrc: false, type: null };
}

/** print_route for one message. `sl` is `_SL_`: "\n", or "\\" with -oneline. */
export function printRoute(p: Printer, m: RouteMsg, hide: RouteHide, details: number, sl = '\n'): void {
  p.openObject();
  if ((m.type !== 'unicast' || details > 0) && (hide.type === null || hide.type === m.type)) p.any('type', `${m.type} `, m.type);
  const hostLen = m.family === 'inet' ? 32 : 128;
  let dst: string;
  if (m.dst !== null) dst = m.dstLen !== hostLen ? `${m.dst}/${m.dstLen}` : m.dst;
  else if (m.dstLen) dst = `0/${m.dstLen} `;
  else dst = 'default';
  // ifa_family_color: an address in its family's colour with -c ("default" and 0/N stay plain)
  const fam = m.family === 'inet' ? 'inet' : 'inet6';
  p.colored(m.dst !== null ? fam : 'none', 'dst', `${dst} `, dst);
  if (m.from !== undefined) p.colored(fam, 'from', `from ${m.from} `, m.from);
  if (m.nhid !== undefined) p.any('nhid', `nhid ${m.nhid} `, m.nhid);
  if (m.tos && !hide.tos) {
    const t = dsfieldName(m.tos);
    p.any('tos', `tos ${t} `, t);
  }
  if (m.gateway !== undefined && !hide.via) {
    p.text('via ');
    p.colored(fam, 'gateway', `${m.gateway} `, m.gateway);
  }
  if (m.dev !== undefined && !hide.dev) {
    p.text('dev ');
    p.colored('ifname', 'dev', `${m.dev} `, m.dev);
  }
  if (m.table && (m.table !== 254 || details > 0) && !hide.table) {
    const t = tableName(m.table);
    p.any('table', `table ${t} `, t);
  }
  if (!m.cloned) {
    if ((m.protocol !== 3 || details > 0) && !hide.protocol) {
      const pr = protoName(m.protocol);
      p.any('protocol', `proto ${pr} `, pr);
    }
    if ((m.scope !== 0 || details > 0) && !hide.scope) {
      const s = scopeName(m.scope);
      p.any('scope', `scope ${s} `, s);
    }
  }
  if (m.prefsrc !== undefined && !hide.prefsrc) {
    p.text('src ');
    p.colored(fam, 'prefsrc', `${m.prefsrc} `, m.prefsrc);
  }
  if (m.metric !== undefined && !hide.metric) p.any('metric', `metric ${m.metric} `, m.metric);
  p.openArray('flags');
  for (const f of m.flags) p.any(null, `${f} `, f);
  p.closeArray();
  if (m.mark) {
    if (p.json) p.jsonOnly('mark', m.mark);
    else p.text(m.mark >= 16 ? `mark 0x${m.mark.toString(16)} ` : `mark ${m.mark} `);
  }
  if (m.uid !== undefined) p.any('uid', `uid ${m.uid} `, m.uid);
  if (m.family === 'inet' && m.cloned) printCacheFlags(p, m.cache ?? [], sl);
  if (m.expires !== undefined) p.any('expires', `expires ${m.expires}sec `, m.expires);
  if (m.mtu !== undefined || m.hoplimit !== undefined) {
    p.openArray('metrics');
    p.openObject();
    if (m.mtu !== undefined) {
      p.text(m.mtuLock ? 'mtu lock ' : 'mtu ');
      p.any('mtu', `${m.mtu} `, m.mtu);
    }
    if (m.hoplimit !== undefined) {
      p.text('hoplimit ');
      p.any('hoplimit', `${m.hoplimit} `, m.hoplimit);
    }
    p.closeObject();
    p.closeArray();
  }
  if (m.iif !== undefined && !hide.iif) p.any('iif', `iif ${m.iif} `, m.iif);
  if (m.pref !== undefined) p.any('pref', `pref ${m.pref}`, m.pref);
  if (m.nhInfo && details > 0) {
    p.text(`${sl}\tnh_info `);
    p.openObject('nh_info');
    printNexthopFields(p, m.nhInfo, details);
    p.closeObject();
  }
  if (m.nexthops) printMultipath(p, m, sl);
  p.text('\n');
  p.closeObject();
}

/** print_rta_multipath: each hop on its own line, after everything else of the route. */
function printMultipath(p: Printer, m: RouteMsg, sl: string): void {
  const fam = m.family === 'inet' ? 'inet' : 'inet6';
  p.openArray('nexthops');
  for (const h of m.nexthops!) {
    p.openObject();
    p.text(`${sl}\tnexthop `);
    if (h.gateway !== undefined) {
      p.text('via ');
      p.colored(fam, 'gateway', `${h.gateway} `, h.gateway);
    }
    p.text('dev ');
    p.colored('ifname', 'dev', `${h.dev} `, h.dev);
    p.any('weight', `weight ${h.weight} `, h.weight);
    p.openArray('flags');
    for (const f of h.flags) p.any(null, `${f} `, f);
    p.closeArray();
    p.closeObject();
  }
  p.closeArray();
}

/** print_cache_flags: `\n    cache <local,brd> ` in text, `"cache":["local","brd"]` in JSON. */
function printCacheFlags(p: Printer, names: string[], sl: string): void {
  if (p.json) {
    p.openArray('cache');
    for (const n of names) p.jsonOnly(null, n);
    p.closeArray();
    return;
  }
  p.text(`${sl}    cache `);
  if (names.length) p.text(`<${names.join(',')}> `);
}
