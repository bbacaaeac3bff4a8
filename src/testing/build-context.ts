/**
 * What the lab builder keeps while it works: the namespaces and how choices resolve to them,
 * the addressed interfaces, and the step lists of each phase (concatenated at the end).
 */
import { namespaceNames } from './arb-names.js';
import type { Subnet } from './arb-address.js';
import type { TopologySpec } from './arb-topology.js';
import type { AddrAddStep, LabStep, LinkMoveStep, LinkStateStep, RouteAddStep, SysctlStep, Where } from './lab-description.js';
import type { Ip4 } from '../model/ip.js';

/** One addressed interface of the lab. */
export interface Iface {
  seg: number;
  ns: number;
  dev: string;
  addr: Ip4;
  len: number;
  addrStep: AddrAddStep;
  upStep: LinkStateStep;
  /** the move that took it out of the host's namespace, when it was made there */
  moveStep: LinkMoveStep | null;
}

/** What the builder knows about the lab's namespaces. */
export class Spaces {
  readonly names: string[];
  /** index of the host's own namespace */
  readonly root: number;
  /** choices resolve modulo this */
  readonly size: number;
  private readonly ethCount = new Map<number, number>();

  constructor(t: TopologySpec) {
    const n = Math.max(1, Math.min(8, Math.floor(t.namespaces)));
    this.names = namespaceNames(t.theme, n);
    this.root = this.names.length;
    this.size = this.names.length + (t.useRoot ? 1 : 0);
  }

  at(choice: number): number {
    return Math.abs(Math.floor(choice)) % this.size;
  }

  where(ns: number): Where {
    return ns === this.root ? null : this.names[ns];
  }

  label(ns: number): string {
    return ns === this.root ? 'host' : this.names[ns];
  }

  /** The next `ethN` of a namespace, for ends made there with `peer name … netns`. */
  eth(ns: number): string {
    const c = this.ethCount.get(ns) ?? 0;
    this.ethCount.set(ns, c + 1);
    return `eth${c}`;
  }

  /** A different namespace than `ns` when there is one. */
  other(ns: number, choice: number): number {
    const c = this.at(choice);
    return c !== ns || this.size === 1 ? c : (c + 1) % this.size;
  }
}

/** Step lists, one per phase, concatenated at the end. */
export class Phases {
  netns: LabStep[] = [];
  create: LabStep[] = [];
  master: LabStep[] = [];
  addr: LabStep[] = [];
  up: LabStep[] = [];
  lo: LabStep[] = [];
  sysctl: SysctlStep[] = [];
  /** per namespace, in order: /32 peer routes, computed routes, extra routes */
  routes = new Map<number, RouteAddStep[]>();
  computed = new Map<number, RouteAddStep[]>();
  early = new Set<number>();
  late: LabStep[] = [];
  /** iptables rules and policies (after everything else is set up), and their listings after the pings */
  rules: LabStep[] = [];
  listings: LabStep[] = [];
  pings: LabStep[] = [];
  shows: LabStep[] = [];

  route(ns: number, step: RouteAddStep, computed = false): void {
    if (!this.routes.has(ns)) this.routes.set(ns, []);
    this.routes.get(ns)!.push(step);
    if (computed) {
      if (!this.computed.has(ns)) this.computed.set(ns, []);
      this.computed.get(ns)!.push(step);
    }
  }
}

/** Deletes one item from a list, if it is there. */
export function remove<T>(list: T[], item: T): void {
  const i = list.indexOf(item);
  if (i >= 0) list.splice(i, 1);
}

/** Per segment: its subnet, where its ordinary hosts start, its addressed interfaces. */
export type Segs = Array<{ subnet: Subnet; base: number; members: Iface[] }>;
