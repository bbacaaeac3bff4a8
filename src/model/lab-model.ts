import { Host } from './host.js';
import { MacAllocator } from './mac.js';
import { PROFILES, type HostProfile } from './sysctl.js';
import type { Netns } from './netns.js';
import { createLink, linkUp } from './device.js';
import { NsChanges } from './ns-changes.js';
import { STOCK_PROFILE, type KernelProfile } from './kernel-profile.js';

/**
 * How a lab's machines start: their sysctl profile and the seed of their MAC addresses.
 *
 * @example
 * new Lab({ profile: PROFILES.docker, seed: 7 });
 */
export interface LabModelOptions {
  /** sysctl defaults of the machines (what new namespaces inherit); default: the kernel's */
  profile?: HostProfile;
  /** seed for MAC addresses */
  seed?: number;
  /** the kernel modelled: which link kinds exist (kernel-profile.ts); default a stock Debian 12 kernel */
  kernel?: KernelProfile;
}

/**
 * The whole model: hosts, their namespaces, and what is shared (MAC allocator, version).
 *
 * @example
 * const model = new LabModel({ seed: 1 });
 * const h = model.addHost('node1');
 * apply({ ns: h.root }, { op: 'netns.add', name: 'NS1' });
 * model.netns('node1/NS1')?.path; // 'node1/NS1'
 */
export class LabModel {
  readonly hosts = new Map<string, Host>();
  readonly profile: HostProfile;
  /** the kernel this lab's machines run */
  readonly kernel: KernelProfile;
  readonly macs: MacAllocator;
  /** bumped on every change anywhere */
  version = 0;
  /** the namespace of each recent version bump (Netns.touch notes it) */
  readonly nsChanges = new NsChanges();

  constructor(opts: LabModelOptions = {}) {
    this.profile = opts.profile ?? PROFILES.kernel;
    this.kernel = opts.kernel ?? STOCK_PROFILE;
    this.macs = new MacAllocator(opts.seed);
  }

  /**
   * A machine as it boots: a root namespace with `lo` up holding 127.0.0.1/8, nothing else
   * (lab files add NICs).
   */
  addHost(name: string): Host {
    const existing = this.hosts.get(name);
    if (existing) return existing;
    const h = new Host(this, name);
    this.hosts.set(name, h);
    linkUp(createLink(h.root, 'lo', 'loopback'));
    return h;
  }

  private infraHost: Host | null = null;

  /**
   * The machine room between hosts: where a lab keeps its switches and the far ends of NICs
   * without a cable. Not a host of the lab (no reachability from or to it); in real mode it is
   * the sandbox's own root namespace.
   */
  get infra(): Host {
    if (!this.infraHost) {
      this.infraHost = new Host(this, '.infra');
      linkUp(createLink(this.infraHost.root, 'lo', 'loopback'));
    }
    return this.infraHost;
  }

  /** The machine room's namespaces, if the lab has one (reading it never creates it). */
  infraNamespaces(): Netns[] {
    return this.infraHost ? this.infraHost.allNamespaces() : [];
  }

  /** Every namespace of every host. */
  namespaces(): Netns[] {
    const out: Netns[] = [];
    for (const h of this.hosts.values()) out.push(...h.allNamespaces());
    return out;
  }

  /** A namespace by path: `host` or `host/NAME`. */
  netns(path: string): Netns | undefined {
    const slash = path.indexOf('/');
    const host = this.hosts.get(slash < 0 ? path : path.slice(0, slash));
    if (!host) return undefined;
    return slash < 0 ? host.root : host.namespaces.get(path.slice(slash + 1));
  }
}
