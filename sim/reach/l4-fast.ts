/**
 * Service ports for many sources at once: the engine's answer (l4.ts `probeOn`) for every
 * pair, with one engine run standing for a whole class of twin sources (l4-twins.ts).
 *
 * Why it is the engine's answer: swapping two twins s1 ↔ s2 (with their addresses, veths,
 * peers and MACs) maps the lab onto itself but for netfilter. The probe from s2 is then the
 * probe from s1 with every name swapped, step by step, for as long as no test it meets tells
 * a1 from a2 or p1 from p2. The probe from s1 runs with a tracer that notes every chain it
 * entered (the chain of each rule hit and policy, and each jump's target: a walk always ends
 * in one of these); if no rule of those chains tests something the swap changes — an address
 * mask or NAT range holding one of a1, a2 but not the other, an interface name matching one of
 * p1, p2 only, or a match this file does not know — the probe from s2 enters the same chains,
 * takes the same decisions and draws the same random numbers, and meets the same answer, with
 * the endpoint swapped back. Otherwise s2 is asked of the engine itself. The destination must
 * be neither address. Everything else (`-m statistic`, marks, conntrack states …) reads values
 * the swap leaves alone.
 */
import type { Ip4 } from '../../src/model/ip.js';
import type { LabModel } from '../../src/model/lab-model.js';
import type { NfMatch } from '../../src/model/netfilter/match.js';
import type { NfRule } from '../../src/model/netfilter/rule.js';
import { ifaceMatches, lenMask, maskLen } from '../../src/model/netfilter/rule.js';
import { findChain, type NfChain, type NfTable } from '../../src/model/netfilter/table.js';
import type { NfTarget } from '../../src/model/netfilter/target.js';
import type { Netns } from '../../src/model/netns.js';
import { Simulator } from '../simulator.js';
import type { HeaderLayer } from '../frame-headers.js';
import { Tracer, type DropReason, type NfTraceInfo, type StepKind } from '../trace.js';
import { probeOn, type L4Proto, type PortProbe, type PortProbeOptions } from './l4.js';
import { twinClasses, type Twin } from './l4-twins.js';

/** Notes the chains a probe entered, and nothing else. */
class ChainTracer extends Tracer {
  readonly entered = new Set<NfChain>();
  readonly tables = new Map<NfChain, NfTable>();
  override step(_t: number, _ns: string, _kind: StepKind, _detail: string, _reason?: DropReason, nf?: NfTraceInfo, _headers?: HeaderLayer[]): void {
    if (!nf?.chain || !nf.table) return;
    this.entered.add(nf.chain);
    this.tables.set(nf.chain, nf.table);
    const t = nf.rule?.target;
    if (t?.kind === 'jump') {
      const to = findChain(nf.table, t.chain);
      if (to) this.entered.add(to);
    }
  }
}

/** What a chain's rules test that a swap of two sources could change. */
interface Tests {
  /** a match this file does not read: no twin may share the answer */
  opaque: boolean;
  /** the prefixes tested (source, destination, conntrack tuples), by length, longest first */
  prefixes: [number, Set<number>][];
  /** NAT ranges of addresses (inclusive) */
  ranges: [number, number][];
  /** address tests with a mask that is no prefix: value & mask === addr */
  masks: { addr: number; mask: number }[];
  /** interface names (with iptables' `+`) */
  ifaces: string[];
}

interface Collect {
  opaque: boolean;
  prefixes: Map<number, Set<number>>;
  ranges: [number, number][];
  masks: { addr: number; mask: number }[];
  ifaces: string[];
}

function testsOf(c: NfChain): Tests {
  const t: Collect = { opaque: false, prefixes: new Map(), ranges: [], masks: [], ifaces: [] };
  for (const r of c.rules) ruleTests(r, t);
  const prefixes = [...t.prefixes].sort((x, y) => y[0] - x[0]);
  return { opaque: t.opaque, prefixes, ranges: t.ranges, masks: t.masks, ifaces: [...new Set(t.ifaces)] };
}

function addMask(t: Collect, addr: number, mask: number): void {
  const len = maskLen(mask);
  if (len < 0) {
    t.masks.push({ addr, mask });
    return;
  }
  if (len === 0) return;
  let nets = t.prefixes.get(len);
  if (!nets) t.prefixes.set(len, (nets = new Set()));
  nets.add((addr & mask) >>> 0);
}

/**
 * The longest tested prefix holding `x` (as len·2³² + network), or -1. Prefixes nest or are
 * apart, so the prefixes holding x are this one and those around it: two addresses with the
 * same longest prefix are inside exactly the same prefixes.
 */
function deepest(t: Tests, x: number): number {
  for (const [len, nets] of t.prefixes) {
    const net = (x & lenMask(len)) >>> 0;
    if (nets.has(net)) return len * 2 ** 32 + net;
  }
  return -1;
}

function ruleTests(r: NfRule, t: Collect): void {
  if (r.ip6 || r.family === 'ip6') return;
  addMask(t, r.ip.src.addr, r.ip.src.mask);
  addMask(t, r.ip.dst.addr, r.ip.dst.mask);
  if (r.ip.in) t.ifaces.push(r.ip.in.name);
  if (r.ip.out) t.ifaces.push(r.ip.out.name);
  for (const m of r.matches) matchTests(m, t);
  targetTests(r.target, t);
  for (const a of r.also ?? []) targetTests(a, t);
}

function matchTests(m: NfMatch, t: Collect): void {
  switch (m.kind) {
    case 'tcp':
    case 'udp':
    case 'icmp':
    case 'icmp6':
    case 'icmptypes':
    case 'comment':
    case 'mark':
    case 'connmark':
    case 'multiport':
    case 'statistic':
    // the address's type in the namespace: the twins' classes agree in every FIB
    case 'addrtype':
      return;
    case 'conntrack':
      for (const a of [m.origsrc, m.origdst, m.replsrc, m.repldst]) if (a) addMask(t, a.addr, a.mask);
      return;
    case 'physdev':
      if (m.in) t.ifaces.push(m.in.name);
      if (m.out) t.ifaces.push(m.out.name);
      return;
    default:
      t.opaque = true;
  }
}

function targetTests(x: NfTarget, t: Collect): void {
  // NETMAP keeps each address's host bits: twins' translations differ by more than a swap
  if (x.kind === 'NETMAP') t.opaque = true;
  if ((x.kind === 'SNAT' || x.kind === 'DNAT' || x.kind === 'MASQUERADE' || x.kind === 'REDIRECT') && x.range.mapIps) {
    if (x.range.min6 !== undefined) t.opaque = true;
    else t.ranges.push([x.range.minAddr >>> 0, x.range.maxAddr >>> 0]);
  }
}

/** Whether no test of the chain tells `a` from `b`, nor interface `pa` from `pb`. */
function alike(t: Tests, a: number, b: number, pa: string, pb: string): boolean {
  if (t.opaque) return false;
  if (deepest(t, a) !== deepest(t, b)) return false;
  const x = a >>> 0;
  const y = b >>> 0;
  for (const [lo, hi] of t.ranges) if ((x >= lo && x <= hi) !== (y >= lo && y <= hi)) return false;
  for (const m of t.masks) if (((a & m.mask) === (m.addr & m.mask)) !== ((b & m.mask) === (m.addr & m.mask))) return false;
  for (const i of t.ifaces) if (ifaceMatches(i, pa) !== ifaceMatches(i, pb)) return false;
  return true;
}

/** The answer of `rep`'s probe as `twin`'s: the endpoint swapped back. */
function swapped(p: PortProbe, rep: Twin, twin: Twin): PortProbe {
  const e = p.endpoint;
  if (!e || (e.ns !== rep.ns && e.addr !== rep.addr)) return p;
  return { ...p, endpoint: { ns: e.ns === rep.ns ? twin.ns : e.ns, addr: e.addr === rep.addr ? twin.addr : e.addr, port: e.port } };
}

export interface FastPortStats {
  /** pairs the engine ran */
  engineRuns: number;
  /** pairs answered by a twin's run */
  shared: number;
}

/** A namespace whose netfilter has tables the tracer does not see (bridge, arp, netdev families). */
function untraced(lab: LabModel): boolean {
  for (const ns of lab.namespaces()) for (const t of ns.nf?.tables ?? []) if (t.family !== 'ip' && t.family !== 'ip6' && t.family !== 'inet') return true;
  return false;
}

/**
 * Every source × destination probe, row-major, as `probePort` answers each one; `stats` counts
 * the engine runs.
 */
export function fastProbes(lab: LabModel, sources: readonly Netns[], destinations: readonly Ip4[], proto: L4Proto, port: number, opts: PortProbeOptions = {}, stats?: FastPortStats): PortProbe[] {
  const nd = destinations.length;
  const probes: PortProbe[] = new Array(sources.length * nd);
  const twins = untraced(lab) ? new Map<Netns, Twin>() : twinClasses(lab, new Simulator(lab), sources);
  const row = new Map<Netns, number>();
  sources.forEach((s, i) => {
    row.set(s, i);
  });
  const classes = new Map<string, Twin[]>();
  const alone: Netns[] = [];
  for (const s of sources) {
    const t = twins.get(s);
    if (!t) {
      alone.push(s);
      continue;
    }
    let c = classes.get(t.key);
    if (!c) classes.set(t.key, (c = []));
    c.push(t);
  }
  // the model stands still during the call: each chain's tests are read once
  const chainTests = new Map<NfChain, Tests>();
  const run = (s: Netns, dst: Ip4, tracer: ChainTracer | null): PortProbe => {
    const sim = new Simulator(lab);
    sim.tracer = tracer;
    if (stats) stats.engineRuns++;
    return probeOn(sim, s, dst, proto, port, opts);
  };
  for (let j = 0; j < nd; j++) {
    const dst = destinations[j]!;
    for (const s of alone) probes[row.get(s)! * nd + j] = run(s, dst, null);
    for (const members of classes.values()) {
      let pending = members;
      while (pending.length) {
        const rep = pending[0]!;
        const tracer = new ChainTracer();
        const p = run(rep.ns, dst, tracer);
        probes[row.get(rep.ns)! * nd + j] = p;
        const rest: Twin[] = [];
        if (pending.length > 1) {
          const tests = [...tracer.entered].map((c) => {
            let t = chainTests.get(c);
            if (!t) chainTests.set(c, (t = testsOf(c)));
            return t;
          });
          for (let k = 1; k < pending.length; k++) {
            const m = pending[k]!;
            if (dst !== rep.addr && dst !== m.addr && tests.every((t) => alike(t, rep.addr, m.addr, rep.peer.name, m.peer.name))) {
              probes[row.get(m.ns)! * nd + j] = swapped(p, rep, m);
              if (stats) stats.shared++;
            } else rest.push(m);
          }
        }
        pending = rest;
      }
    }
  }
  return probes;
}
