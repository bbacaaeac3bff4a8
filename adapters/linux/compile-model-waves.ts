/**
 * Waves: the order in which a placed model is created, as batches that can each run in
 * parallel within their wave:
 *
 *   1. create   — per creating place: `netns add` for its named namespaces, then its links
 *                 (veth pairs created straight into both namespaces with `netns`, bridges),
 *                 each with the model's ifindex and MAC;
 *   2. configure — per namespace: links that must be made inside (vxlan, tun/tap), MTUs,
 *                 masters (in port-number order), addresses (in the kernel's list order),
 *                 `up` (lo first), routes (device routes before gateway routes), rules,
 *                 static neighbours;
 *   3. finish   — per namespace: `bridge fdb` entries (and the sysctls: compile-model-sysctl.ts).
 *
 * Wave 1 of a creating place is cut into chunks that run one after the other, so the
 * namespaces of earlier chunks can be configured while later ones are still being made.
 */
import type { Link } from '../../src/model/link.js';
import type { Netns } from '../../src/model/netns.js';
import { batchLine, checkLinkName } from './compile.js';
import { bridgeLine, configureLines, fdbLines, insideLines, vethLine } from './compile-model-lines.js';
import { bridgeVlanLines } from './compile-bridge-vlan.js';
import { KIND_ADAPTERS } from './kinds/index.js';
import { describePlace, farEnd, netnsRef, pairCreator, type Place, type Placement, type Target } from './compile-model-place.js';

/**
 * One `ip -batch -` (or `bridge -batch -`) run at a place, or one `sysctl` argv.
 *
 * @example
 * const b: Batch = { place: { host: 'h', netns: 'NS1' }, program: 'ip', lines: ['link set dev lo up'], what: 'h/NS1' };
 */
export interface Batch {
  place: Place;
  program: 'ip' | 'bridge' | 'sysctl';
  /** batch lines for ip/bridge; for sysctl the argv after the program */
  lines: string[];
  /** the model path this batch is for (or the creating place's description) */
  what: string;
  /** wave 1: the namespaces it makes or puts devices in (their configuration waits for it) */
  touches?: Netns[];
  /** wave 1: batches with the same chain run one after the other, in order */
  chain?: string;
}

/** A creating place's work for one namespace (order -1: what needs none of its namespaces). */
interface Group {
  order: number;
  lines: string[];
  touches: Set<Netns>;
}

interface Creator {
  place: Place;
  groups: Group[];
  groupOf: Map<Netns, Group>;
}

/** Namespaces per wave-1 chunk: a few chunks, none tiny. */
function defaultChunk(n: number): number {
  return Math.min(128, Math.max(8, Math.ceil(n / 8)));
}

/** Cuts a creator's groups into batches of at most `size` namespaces, run in order. */
function chunk(c: Creator, size: number): Batch[] {
  const out: Batch[] = [];
  const chain = `${c.place.host}\0${c.place.netns ?? ''}`;
  let cur: Group[] = [];
  const flush = () => {
    const lines = cur.flatMap((g) => g.lines);
    if (lines.length > 0) {
      out.push({ place: c.place, program: 'ip', lines, what: `${describePlace(c.place)} (part ${out.length + 1})`, touches: [...new Set(cur.flatMap((g) => [...g.touches]))], chain });
    }
    cur = [];
  };
  for (const g of c.groups) {
    cur.push(g);
    if (cur.filter((x) => x.order >= 0).length >= size) flush();
  }
  flush();
  return out;
}

/**
 * Wave 1 (namespaces and the links made from outside them), and the lines of links that must
 * be made from inside their namespace, which open that namespace's wave 2.
 */
export function createWave(placement: Placement, target: Target, chunkSize: number | undefined, warnings: string[]): { create: Batch[]; inside: Map<Netns, string[]> } {
  const { planned, where } = placement;
  // Each creating place keeps one group per namespace it makes (its `netns add` and the links
  // that need it), so its work can be cut into chunks.
  const creators = new Map<string, Creator>();
  const creatorFor = (p: Place): Creator => {
    const key = `${p.host}\0${p.netns ?? ''}`;
    let c = creators.get(key);
    if (!c) {
      c = { place: p, groups: [{ order: -1, lines: [], touches: new Set() }], groupOf: new Map() };
      creators.set(key, c);
    }
    return c;
  };
  /** In persist mode links are made from inside the run's first namespace, never the machine's root. */
  const persistLinksPlace: Place | null = target.kind === 'persist' ? planned[0].place : null;
  const netnsAdds: Batch[] = [];
  const order = new Map<Netns, number>(planned.map((p, i) => [p.ns, i]));
  if (target.kind === 'persist') {
    // the only batch that runs in the machine's root namespace: nothing but `netns add`
    netnsAdds.push({
      place: { host: '', netns: null },
      program: 'ip',
      lines: planned.map((p) => batchLine(['netns', 'add', p.place.netns!])),
      what: 'namespaces',
      touches: planned.map((p) => p.ns),
    });
  } else {
    for (const p of planned) {
      if (p.place.netns === null) continue;
      const c = creatorFor({ host: p.place.host, netns: null });
      const g: Group = { order: order.get(p.ns)!, lines: [batchLine(['netns', 'add', p.place.netns])], touches: new Set([p.ns]) };
      c.groups.push(g);
      c.groupOf.set(p.ns, g);
    }
  }
  /** Adds a creation to the group of the last-made namespace it needs. */
  const addCreation = (from: Place, line: string, nss: Netns[]) => {
    const c = creatorFor(from);
    let g = c.groups[0];
    for (const ns of nss) {
      const h = c.groupOf.get(ns);
      if (h && h.order > g.order) g = h;
    }
    g.lines.push(line);
    for (const ns of nss) g.touches.add(ns);
  };

  const done = new Set<Link>();
  const inside = new Map<Netns, string[]>();
  const insideOf = (ns: Netns) => {
    let a = inside.get(ns);
    if (!a) inside.set(ns, (a = []));
    return a;
  };
  for (const { ns } of planned) {
    for (const l of ns.linkList()) {
      if (done.has(l)) continue;
      done.add(l);
      checkLinkName(l.name);
      switch (KIND_ADAPTERS[l.kind].made) {
        case 'with-netns':
          break;
        case 'pair': {
          const far = farEnd(l);
          if (!far) {
            warnings.push(`${ns.path}: ${l.name} has no other end; not created`);
            break;
          }
          done.add(far);
          checkLinkName(far.name);
          const pa = where(l.ns);
          const pb = where(far.ns);
          const from = persistLinksPlace ?? pairCreator(pa, pb, `${l.ns.path}:${l.name} and ${far.ns.path}:${far.name}`);
          addCreation(from, vethLine(l, far, netnsRef(target, from, pa), netnsRef(target, from, pb)), [l.ns, far.ns]);
          break;
        }
        case 'beside': {
          const p = where(ns);
          const from = persistLinksPlace ?? { host: p.host, netns: null };
          addCreation(from, bridgeLine(l, netnsRef(target, from, p), ns.path, warnings), [ns]);
          break;
        }
        case 'inside':
          insideOf(ns).push(...insideLines(l, ns.path, warnings));
          break;
      }
    }
  }

  const create: Batch[] = [];
  if (target.kind === 'persist') {
    create.push(...netnsAdds);
    const groups = [...creators.values()].flatMap((c) => c.groups);
    const lines = groups.flatMap((g) => g.lines);
    if (lines.length > 0) create.push({ place: persistLinksPlace!, program: 'ip', lines, what: 'links', touches: groups.flatMap((g) => [...g.touches]) });
  } else {
    for (const c of creators.values()) create.push(...chunk(c, chunkSize ?? defaultChunk(planned.length)));
  }
  return { create, inside };
}

/** Waves 2 and 3 (without sysctls): one batch per namespace that needs any. */
export function configureWaves(placement: Placement, inside: Map<Netns, string[]>, warnings: string[]): { configure: Batch[]; finish: Batch[] } {
  const configure: Batch[] = [];
  const finish: Batch[] = [];
  for (const p of placement.planned) {
    const lines = [...(inside.get(p.ns) ?? []), ...configureLines(p.ns, warnings)];
    if (lines.length > 0) configure.push({ place: p.place, program: 'ip', lines, what: p.path });
    const fdb = [...bridgeVlanLines(p.ns), ...fdbLines(p.ns)];
    if (fdb.length > 0) finish.push({ place: p.place, program: 'bridge', lines: fdb, what: p.path });
  }
  return { configure, finish };
}
