import type { Host } from './host.js';
import type { Link } from './link.js';
import { RouteTable } from './table.js';
import { defaultRules, type Rule } from './rule.js';
import { cloneConf, type IfConf } from './sysctl.js';
import { TABLE } from './route.js';

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
  private sorted: Link[] | null = null;
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
  all: IfConf;
  default: IfConf;
  /** conf/default keys written in this namespace (devconf_dflt's state bits): new devices copy them */
  readonly defaultSet = new Set<keyof IfConf>();
  /** ids this namespace has given to others (peernet2id_alloc), as `link-netnsid` shows */
  readonly nsids = new Map<Netns, number>();
  /** neighbour entries added by `ip neigh add` (permanent/noarp), keyed by ifindex:ip */
  readonly staticNeigh = new Map<string, { dev: Link; ip: number; lladdr: string | null; state: string }>();
  /** bumped on every change; caches (FIB, reachability) compare it */
  version = 0;

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
    this.tables.set(TABLE.main, new RouteTable(TABLE.main));
  }

  /** `host` for the root namespace, `host/NAME` for a named one. */
  get path(): string {
    return this.name === null ? this.host.name : `${this.host.name}/${this.name}`;
  }

  /** The links in ifindex order, as `ip link` lists them. */
  linkList(): Link[] {
    if (!this.sorted) this.sorted = [...this.links.values()].sort((a, b) => a.ifindex - b.ifindex);
    return this.sorted;
  }

  /** A link of this namespace by name. */
  linkByName(name: string): Link | undefined {
    for (const l of this.links.values()) if (l.name === name) return l;
    return undefined;
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
    this.links.set(l.ifindex, l);
    this.sorted = null;
    this.touch();
  }

  /** Unregisters a link that left or was deleted (device.ts does this, not callers). */
  detach(l: Link): void {
    this.links.delete(l.ifindex);
    this.sorted = null;
    this.touch();
  }

  /** A routing table by id (254 is `main`, 255 `local`), created empty on first use as the kernel does. */
  table(id: number): RouteTable {
    let t = this.tables.get(id);
    if (!t) {
      t = new RouteTable(id);
      this.tables.set(id, t);
    }
    return t;
  }

  /** The id this namespace knows `other` by, allocating the lowest free one if asked. */
  nsidOf(other: Netns, alloc: boolean): number | undefined {
    if (other === this) return undefined;
    let id = this.nsids.get(other);
    if (id === undefined && alloc) {
      const used = new Set(this.nsids.values());
      id = 0;
      while (used.has(id)) id++;
      this.nsids.set(other, id);
    }
    return id;
  }

  /** Records a change, so caches keyed on `version` (FIB, reachability) are rebuilt. */
  touch(): void {
    this.version++;
    this.host.lab.version++;
  }
}
