/**
 * Small models for the simulator's tests, built through `apply` Ops as scripts would build them.
 * Each helper is one iproute2 command; names follow the scripts in test/cases/forwarding.
 */
import { LabModel } from '../../../src/model/lab-model.js';
import { parseIp4, parsePrefix } from '../../../src/model/ip.js';
import type { Netns } from '../../../src/model/netns.js';
import type { RouteType } from '../../../src/model/route.js';
import { apply } from '../../../src/ops/apply.js';
import * as build from '../../../src/ops/build.js';
import type { Op } from '../../../src/ops/op.js';
import { runPing } from '../../../src/programs/ping/index.js';
import { pingReport, type PingReport } from '../../../src/programs/ping/words.js';
import { ping, type PingOptions } from '../../../sim/ping.js';
import { Simulator } from '../../../sim/simulator.js';

export class TestLab {
  readonly lab = new LabModel();
  readonly host = this.lab.addHost('h');
  readonly sim = new Simulator(this.lab);

  /** The root namespace (null) or a named one. */
  ns(name: string | null = null): Netns {
    if (name === null) return this.host.root;
    const ns = this.host.namespaces.get(name);
    if (!ns) throw new Error(`no namespace ${name}`);
    return ns;
  }

  do(ns: string | null, op: Op): this {
    apply({ ns: this.ns(ns) }, op);
    return this;
  }

  /** ip netns add … */
  netns(...names: string[]): this {
    for (const n of names) this.do(null, { op: 'netns.add', name: n });
    return this;
  }

  /** ip link add A type veth peer name B; ip link set A netns NSA; ip link set B netns NSB */
  veth(a: string, nsA: string | null, b: string, nsB: string | null): this {
    this.do(null, build.veth(a, b));
    if (nsA !== null) this.do(null, build.linkSet(a, { netns: nsA }));
    if (nsB !== null) this.do(null, build.linkSet(b, { netns: nsB }));
    return this;
  }

  bridge(ns: string | null, name: string): this {
    return this.do(ns, build.bridge(name)).up(ns, name);
  }

  master(ns: string | null, dev: string, br: string): this {
    return this.do(ns, build.linkSet(dev, { master: br }));
  }

  addr(ns: string | null, dev: string, cidr: string): this {
    return this.do(ns, build.addr(dev, cidr));
  }

  up(ns: string | null, ...devs: string[]): this {
    for (const d of devs) this.do(ns, build.linkSet(d, { up: true }));
    return this;
  }

  down(ns: string | null, dev: string): this {
    return this.do(ns, build.linkSet(dev, { up: false }));
  }

  move(ns: string | null, dev: string, to: string): this {
    return this.do(ns, build.linkSet(dev, { netns: to }));
  }

  route(ns: string | null, dst: string, o: { via?: string; dev?: string } = {}): this {
    return this.do(ns, build.route(dst, o));
  }

  /** ip route add blackhole|unreachable|prohibit DST */
  reject(ns: string | null, type: RouteType, dst: string): this {
    const p = parsePrefix(dst)!;
    return this.do(ns, {
      op: 'route.add',
      mode: 'add',
      route: { type, dst: p.addr, dstLen: p.len, table: null, dev: null, gateway: null, prefsrc: null, metric: null, protocol: null, scope: null, onlink: false, tos: 0, mtu: null },
    });
  }

  sysctl(ns: string | null, key: string, value: number): this {
    return this.do(ns, { op: 'sysctl.set', key, value: String(value) });
  }

  /** Two namespaces on one veth: A (10.0.0.1/24 on va) and B (10.0.0.2/24 on vb). */
  pair(): this {
    return this.netns('A', 'B').veth('va', 'A', 'vb', 'B').addr('A', 'va', '10.0.0.1/24').addr('B', 'vb', '10.0.0.2/24').up('A', 'va').up('B', 'vb');
  }

  /** A — R — B: 10.0.1.0/24 (va/ra) and 10.0.2.0/24 (rb/vb), lo up everywhere, default routes via R. */
  router(forward: boolean): this {
    this.netns('A', 'R', 'B').veth('va', 'A', 'ra', 'R').veth('vb', 'B', 'rb', 'R');
    this.up('A', 'lo').up('R', 'lo').up('B', 'lo');
    this.addr('A', 'va', '10.0.1.1/24').addr('R', 'ra', '10.0.1.254/24').addr('R', 'rb', '10.0.2.254/24').addr('B', 'vb', '10.0.2.1/24');
    this.up('A', 'va').up('R', 'ra', 'rb').up('B', 'vb');
    this.route('A', 'default', { via: '10.0.1.254' }).route('B', 'default', { via: '10.0.2.254' });
    if (forward) this.sysctl('R', 'net.ipv4.ip_forward', 1);
    return this;
  }

  /** The simulator's ping (count 1, -W 1 unless told), with ping's words for its answer. */
  ping(ns: string | null, dst: string, opts: PingOptions = {}): PingReport {
    return pingReport(ping(this.sim, this.ns(ns), parseIp4(dst)!, { count: 1, timeout: 1, ...opts }));
  }

  /** `ping ARGS` as the command prints it. */
  cmd(ns: string | null, args: string) {
    return runPing({ ns: this.ns(ns) }, args.split(/\s+/).filter(Boolean), this.sim);
  }
}

/** The reasons of the drop steps recorded while running `fn` with a tracer. */
export function ip(a: string): number {
  return parseIp4(a)!;
}
