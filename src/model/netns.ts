import type { Host } from './host.js';
import type { Link } from './link.js';
import { RouteTable } from './table.js';
import { RouteJournal } from './route-journal.js';
import { defaultRules, type Rule } from './rule.js';
import { cloneConf, type IfConf } from './sysctl.js';
import { TABLE } from './route.js';
import { NsidMap } from './nsid-map.js';
import type { NetfilterState } from './netfilter/state.js';
import type { ProxyNeigh } from './proxy-arp.js';
import type { PmtuException } from './pmtu.js';
import type { Nexthop } from './nexthop.js';
import { Inet6Ns } from './ipv6/inet6-ns.js';

/**
 * A network namespace: links, addresses (on the links), routing tables, policy rules and
 * sysctls. Every host has a root namespace; `ip netns add` makes named ones.
 *
 * @example
 * const ns = new Lab().host('h').ns().ns;
 * ns.path;                     // 'h'
 * ns.linkByName('lo')?.up;     // true
 */
export class Netns {
  readonly links = new Map<number, Link>();
  /** linkList()'s answer, kept in step with attach/detach once made; null: to be sorted */
  private sorted: Link[] | null = null;
  /** `sorted` was handed out since it last changed: change a copy, not what a caller may be walking */
  private sortedShared = false;
  /** links detached since `sorted` was last cleaned: still in it until the next linkList() or attach */
  private readonly departed = new Set<Link>();
  /** the links by name, kept by attach/detach/renameLink */
  private readonly byName = new Map<string, Link>();
  /** two links were given one name (the kernel never does): look names up by scanning */
  private nameClash = false;
  /**
   * Links whose IPv6 state addrconf may still have to change (ipv6/addrconf.ts): every link as
   * it arrives, and every link that goes up or down, until a sync finds it settled.
   */
  readonly llPending = new Set<Link>();
  /** next ifindex to try: the kernel allocates cyclically per namespace */
  nextIfindex = 1;
  /** the IPv4 tables that exist, in creation order (a table, once made, is never freed) */
  readonly tables = new Map<number, RouteTable>();
  rules: Rule[] = defaultRules();
  /**
   * net->ipv4.fib_has_custom_rules: set by the first `ip rule add` and never cleared. Until
   * then the kernel keeps tables local and main in one trie (a single longest-prefix lookup,
   * answers reported as table main).
   */
  customRules = false;
  /** vrf_map.add_fib_rules done: the first VRF added the l3mdev rules (model/vrf.ts) */
  l3mdevRulesAdded = false;
  all: IfConf;
  default: IfConf;
  /** conf/default keys written in this namespace (devconf_dflt's state bits): new devices copy them */
  readonly defaultSet = new Set<keyof IfConf>();
  /** ids this namespace has given to others (peernet2id_alloc), as `link-netnsid` shows */
  readonly nsids = new NsidMap(this);
  /** neighbour entries added by `ip neigh add` (permanent/noarp), keyed by ifindex:ip */
  readonly staticNeigh = new Map<string, { dev: Link; ip: number; lladdr: string | null; state: string }>();
  /**
   * learnt neighbour entries deleted by `ip neigh del|flush|replace` (RTM_DELNEIGH on an entry
   * the simulator made), oldest first: each simulator drops them as it catches up (never shortened)
   */
  readonly neighForgets: { dev: Link; ip: number | bigint }[] = [];
  /** netfilter's tables, bridge switches and conntrack (src/model/netfilter), once a command made them */
  nf: NetfilterState | null = null;
  /** proxy entries added by `ip neigh add proxy`, oldest first (proxy-arp.ts dumps them in the kernel's order) */
  proxyNeigh: ProxyNeigh[] = [];
  /** nexthop objects (`ip nexthop`), by id (nexthop.ts) */
  readonly nexthops = new Map<number, Nexthop>();
  /** net->nexthop.last_id_allocated: where the search for a free id goes on from */
  nhLastId = 0;
  /** net.ipv4.fib_multipath_hash_seed as written (0: unset, a random seed per boot) and fib_multipath_hash_policy */
  readonly mpHash = { seed: 0, policy: 0 };
  /** path MTUs learned from ICMP "fragmentation needed", by destination (pmtu.ts) */
  readonly pmtu = new Map<number, PmtuException>();
  /** IPv6: conf/all and conf/default, routing tables, rules, static neighbours */
  readonly inet6 = new Inet6Ns();
  /** bumped on every change; caches (FIB, reachability) compare it */
  version = 0;
  /**
   * bumped on every change but route-table edits made by `ip route` (touchRoutes): links,
   * addresses and the kernel routes they bring, rules, sysctls, neighbours. While it stands
   * still, `routeJournal` tells what changed between two versions.
   */
  structVersion = 0;
  /** the recent edits of this namespace's routing tables */
  readonly routeJournal = new RouteJournal(this);

  constructor(
    readonly host: Host,
    /** null for the host's root namespace */
    readonly name: string | null,
    inherit: { all: IfConf; default: IfConf },
  ) {
    this.all = cloneConf(inherit.all);
    this.default = cloneConf(inherit.default);
    // only main exists from the start; local (like any other table) is made by the first
    // route put in it (fib_new_table): until then `ip route show table local` is refused
    this.tables.set(TABLE.main, new RouteTable(TABLE.main, this.routeJournal));
  }

  /** `host` for the root namespace, `host/NAME` for a named one. */
  get path(): string {
    return this.name === null ? this.host.name : `${this.host.name}/${this.name}`;
  }

  /** The links in ifindex order, as `ip link` lists them. */
  linkList(): Link[] {
    if (!this.sorted) {
      this.sorted = [...this.links.values()].sort((a, b) => a.ifindex - b.ifindex);
      this.departed.clear();
    } else if (this.departed.size) this.dropDeparted();
    this.sortedShared = true;
    return this.sorted;
  }

  /** `sorted` without the links that left (a new array: the old one may be in a caller's hands). */
  private dropDeparted(): void {
    const gone = this.departed;
    this.sorted = this.sorted!.filter((l) => !gone.has(l));
    this.sortedShared = false;
    gone.clear();
  }

  /** `sorted`, ready to be changed in place (null when there is none to keep). */
  private sortedForEdit(): Link[] | null {
    if (this.sorted && this.sortedShared) {
      this.sorted = this.sorted.slice();
      this.sortedShared = false;
    }
    return this.sorted;
  }

  /** Where ifindex `i` is, or would go, in `sorted`. */
  private static sortedSlot(s: Link[], i: number): number {
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid]!.ifindex < i) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** A link of this namespace by name. */
  linkByName(name: string): Link | undefined {
    if (this.nameClash) {
      for (const l of this.links.values()) if (l.name === name) return l;
      return undefined;
    }
    return this.byName.get(name);
  }

  /** Renames a link of this namespace (the name index follows). */
  renameLink(l: Link, name: string): void {
    if (this.byName.get(l.name) === l) this.byName.delete(l.name);
    l.name = name;
    this.indexName(l);
  }

  private indexName(l: Link): void {
    if (this.nameClash) return;
    if (this.byName.has(l.name)) this.nameClash = true;
    else this.byName.set(l.name, l);
  }

  /** A link of this namespace by ifindex. */
  linkByIndex(ifindex: number): Link | undefined {
    return this.links.get(ifindex);
  }

  /** dev_index_reserve: the lowest free index from the cyclic cursor on. */
  allocIfindex(): number {
    let i = this.nextIfindex;
    while (this.links.has(i)) i++;
    this.nextIfindex = i + 1;
    return i;
  }

  /** Registers a link that took its ifindex here (device.ts does this, not callers). */
  attach(l: Link): void {
    const displaced = this.links.get(l.ifindex);
    this.links.set(l.ifindex, l);
    if (displaced) {
      // never done (ifindexes are allocated free), but the indexes must not keep it
      this.sorted = null;
      this.departed.clear();
      this.unindex(displaced);
    }
    if (this.sorted && this.departed.size) this.dropDeparted();
    const s = this.sortedForEdit();
    if (s) {
      if (s.length === 0 || s[s.length - 1]!.ifindex < l.ifindex) s.push(l);
      else s.splice(Netns.sortedSlot(s, l.ifindex), 0, l);
    }
    this.indexName(l);
    this.llPending.add(l);
    this.touch();
  }

  /** Unregisters a link that left or was deleted (device.ts does this, not callers). */
  detach(l: Link): void {
    this.links.delete(l.ifindex);
    const s = this.sorted;
    // the last link leaves at once; any other stays in `sorted` until a reader needs it gone,
    // so that deleting many links does not move the rest up once each
    if (s && !this.sortedShared && s[s.length - 1] === l) s.pop();
    else if (s) this.departed.add(l);
    this.unindex(l);
    this.touch();
  }

  private unindex(l: Link): void {
    if (this.byName.get(l.name) === l) this.byName.delete(l.name);
    this.llPending.delete(l);
  }

  /** A routing table by id (254 is `main`, 255 `local`), created empty on first use as the kernel does. */
  table(id: number): RouteTable {
    let t = this.tables.get(id);
    if (!t) {
      t = new RouteTable(id, this.routeJournal);
      this.tables.set(id, t);
    }
    return t;
  }

  /** The id this namespace knows `other` by, allocating the lowest free one if asked. */
  nsidOf(other: Netns, alloc: boolean): number | undefined {
    if (other === this) return undefined;
    let id = this.nsids.get(other);
    if (id === undefined && alloc) {
      id = this.nsids.lowestFree();
      this.nsids.set(other, id);
    }
    return id;
  }

  /** Records a change, so caches keyed on `version` (FIB, reachability) are rebuilt. */
  touch(): void {
    this.version++;
    this.structVersion++;
    const lab = this.host.lab;
    lab.nsChanges.record(this, lab.version++);
  }

  /**
   * Records a change made only of route-table edits (through RouteTable, so the journal has
   * them): caches may update the prefixes the journal names instead of rebuilding.
   */
  touchRoutes(): void {
    this.version++;
    const lab = this.host.lab;
    lab.nsChanges.record(this, lab.version++);
  }
}
