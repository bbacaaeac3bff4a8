/**
 * What a namespace holds for IPv6 (struct netns_ipv6): conf/all and conf/default, the routing
 * tables (main and local from the start), the policy rules (`0: lookup local`, `32766: lookup
 * main`: no `default` rule, unlike IPv4), and the neighbour entries `ip -6 neigh add` made,
 * proxies included.
 */
import type { Link } from '../link.js';
import { allConf6, defaultConf6, type Ip6Conf } from './conf6.js';
import { Fib6Table, type Route6 } from './fib6.js';
import type { Ip6 } from './ip6.js';

/** A policy rule of the IPv6 family (fib6_rule). */
export interface Rule6 {
  priority: number;
  table: number;
  src: { addr: Ip6; len: number } | null;
  dst: { addr: Ip6; len: number } | null;
  iif: string | null;
  oif: string | null;
  action: 'lookup' | 'blackhole' | 'unreachable' | 'prohibit' | 'goto' | 'nop';
  /** FIB_RULE_INVERT (`not`): the rule applies where its selectors do not match */
  not?: boolean;
  /** FRA_GOTO: the priority a `goto` rule jumps to */
  goto?: number;
  /** FRA_SUPPRESS_PREFIXLEN: a route found with a prefix this long or shorter is not taken */
  suppressPrefixlen?: number;
  /** FRA_PROTOCOL: the kernel's own rules are `kernel` (2) */
  protocol: number;
  /** FRA_L3MDEV: look up the table of the flow's VRF */
  l3mdev?: boolean;
  /** FRA_FWMARK / FRA_FWMASK: (flow mark ^ fwmark) & fwmask must be 0; a mark given alone has mask 0xffffffff */
  fwmark?: number;
  fwmask?: number;
}

/** A neighbour entry `ip -6 neigh add|replace` made (or a proxy entry, `proxy`). */
export interface StaticNeigh6 {
  dev: Link;
  addr: Ip6;
  lladdr: string | null;
  state: 'permanent' | 'noarp' | 'reachable' | 'stale';
}

export const TABLE6 = { main: 254, local: 255 } as const;

export class Inet6Ns {
  all: Ip6Conf = allConf6();
  default: Ip6Conf = defaultConf6();
  /** conf/default/stable_secret once written (conf/all's cannot be) */
  defaultStableSecret: Ip6 | null = null;
  /** net.ipv6.idgen_retries: new stable privacy addresses tried after DAD conflicts */
  idgenRetries = 3;
  /** net.ipv6.idgen_delay, s: the wait before such an address's DAD */
  idgenDelay = 1;
  /** the tables in creation order (main and local exist from the start) */
  readonly tables = new Map<number, Fib6Table>([
    [TABLE6.local, new Fib6Table(TABLE6.local)],
    [TABLE6.main, new Fib6Table(TABLE6.main)],
  ]);
  rules: Rule6[] = [
    { priority: 0, table: TABLE6.local, src: null, dst: null, iif: null, oif: null, action: 'lookup', protocol: 2 },
    { priority: 32766, table: TABLE6.main, src: null, dst: null, iif: null, oif: null, action: 'lookup', protocol: 2 },
  ];
  /** fib6_has_custom_rules: set by the first rule added, never cleared */
  customRules = false;
  /** `ip -6 neigh add` entries, by `ifindex|addr` */
  readonly neigh = new Map<string, StaticNeigh6>();
  /**
   * Path MTUs learned from "packet too big" (rt6 exceptions of a route's nexthop), by
   * destination: used while `route` is still in its table and the entry has not expired
   * (net.ipv6.route.mtu_expires, 600 s).
   */
  readonly pmtu = new Map<Ip6, { mtu: number; expires: number; route: Route6 }>();
  /** `ip -6 neigh add proxy ADDR dev D` entries, by `ifindex|addr` (pneigh) */
  readonly proxies = new Map<string, { dev: Link; addr: Ip6 }>();

  /** A table by id, made on first use as fib6_new_table does. */
  table(id: number): Fib6Table {
    let t = this.tables.get(id);
    if (!t) {
      t = new Fib6Table(id);
      this.tables.set(id, t);
    }
    return t;
  }

  /** Tables in dump order: hash bucket (id & 255), the newest first within a bucket. */
  dumpOrder(): Fib6Table[] {
    const ts = [...this.tables.values()];
    const made = new Map(ts.map((t, i) => [t, i]));
    return ts.sort((a, b) => (a.id & 255) - (b.id & 255) || made.get(b)! - made.get(a)!);
  }
}

/** The key of a per-device IPv6 neighbour entry. */
export function neighKey6(dev: Link, addr: Ip6): string {
  return `${dev.ifindex}|${addr}`;
}
