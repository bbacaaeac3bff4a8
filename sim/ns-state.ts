/**
 * The simulator's runtime state of one namespace — what the kernel keeps beside the
 * configuration the model holds: the compiled FIB (cached by ns.version), neighbour tables per
 * device, inet_peer rate-limit buckets, learned redirects, open ICMP sockets. It is the
 * namespace's FibView: the model's routeOutput / routeInput read the compiled FIB, the
 * devices' liveness and the learned redirects through it.
 */
import type { FibView } from '../src/model/fib-view.js';
import type { Ip4 } from '../src/model/ip.js';
import type { Ip6 } from '../src/model/ipv6/ip6.js';
import type { Link } from '../src/model/link.js';
import type { Netns } from '../src/model/netns.js';
import type { Route } from '../src/model/route.js';
import type { Route6 } from '../src/model/ipv6/fib6.js';
import { Fib } from './fib.js';
import { Reassembly } from './ip-fragment.js';
import type { NeighEntry } from './neighbor.js';
import { Peers } from './rate-limit.js';
import type { IcmpSocket } from './socket.js';

/** A nexthop exception learned from an ICMP redirect (fib_nh_exception). */
export interface RedirectException {
  route: Route;
  gateway: Ip4;
  expires: number;
}

/** What a namespace's state asks of its simulator: liveness of devices, and the time. */
export interface SimClock {
  readonly now: number;
  isLive(l: Link): boolean;
  hashedRoute: Route | Route6 | null;
}

export class NsState implements FibView {
  private compiled: Fib | null = null;
  /** lo, once found: it is never deleted nor moved */
  private lo: Link | null = null;
  /** neighbour tables by device; each maps a next-hop address to its entry */
  readonly neigh = new Map<Link, Map<Ip4 | Ip6, NeighEntry>>();
  /** the MAC each device had when its neighbour entries were made (neigh_changeaddr flushes) */
  readonly neighMac = new Map<Link, string>();
  peers = new Peers();
  readonly redirects = new Map<Ip4, RedirectException>();
  readonly sockets: IcmpSocket[] = [];
  /** requests waiting in the proxy ARP queue, per receiving device (pneigh_enqueue's qlen) */
  readonly proxyQueue = new Map<Link, number>();
  /** packets being put back together from their fragments */
  readonly reassembly = new Reassembly();
  ipId = 0;
  /** how many of ns.neighForgets this state has dropped (a new state has none of them) */
  neighForgetsSeen: number;

  constructor(
    readonly ns: Netns,
    private readonly sim: SimClock,
  ) {
    this.neighForgetsSeen = ns.neighForgets.length;
  }

  /** The FIB for the namespace as it is now. */
  get fib(): Fib {
    return (this.compiled = Fib.of(this.ns, this.compiled));
  }

  /** The loopback device (ifindex 1 in practice; the kernel lets no namespace lose it). */
  get loopback(): Link {
    if (this.lo) return this.lo;
    for (const l of this.ns.linkList()) if (l.kind === 'loopback') return (this.lo = l);
    throw new Error(`namespace ${this.ns.path} has no loopback device`);
  }

  isLive(dev: Link): boolean {
    return dev.ns === this.ns && this.sim.isLive(dev);
  }

  multipathHash(route: Route): void {
    this.sim.hashedRoute = route;
  }

  /** A current redirect for `dst` learned on `route` (an expired one is forgotten). */
  exception(dst: Ip4, route: Route): Ip4 | null {
    const exc = this.redirects.get(dst);
    if (!exc || exc.route !== route) return null;
    if (exc.expires > this.sim.now) return exc.gateway;
    this.redirects.delete(dst);
    return null;
  }

  table(dev: Link): Map<Ip4 | Ip6, NeighEntry> {
    let t = this.neigh.get(dev);
    if (!t) {
      t = new Map();
      this.neigh.set(dev, t);
      this.neighMac.set(dev, dev.mac);
    }
    return t;
  }

  nextIpId(): number {
    this.ipId = (this.ipId + 1) & 0xffff;
    return this.ipId;
  }
}
