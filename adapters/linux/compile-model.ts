/**
 * A whole model (every host, namespace, link, address, route, rule, neighbour, sysctl and link
 * state) as `ip -batch` texts, grouped in waves that can each run in parallel:
 *
 *   1. create   — per creating place: `netns add` for its named namespaces, then its links
 *                 (veth pairs created straight into both namespaces with `netns`, bridges),
 *                 each with the model's ifindex and MAC;
 *   2. configure — per namespace: links that must be made inside (vxlan, tun/tap), MTUs,
 *                 masters (in port-number order), addresses (in the kernel's list order),
 *                 `up` (lo first), routes (device routes before gateway routes), rules,
 *                 static neighbours;
 *   3. finish   — per namespace: sysctls (see compileSysctls) and `bridge fdb` entries.
 *
 * Where a namespace lives is a Place: in sandbox mode a sandbox host (each lab host, `''` for
 * the sandbox's own root, where a lab keeps its switches) and optionally a named namespace
 * inside it; in persist mode always one of the run's prefixed namespaces on the machine.
 */
import { DEFAULT_MTU } from '../../src/model/device.js';
import type { Host } from '../../src/model/host.js';
import { ip4ToString } from '../../src/model/ip.js';
import type { LabModel } from '../../src/model/lab-model.js';
import type { Link } from '../../src/model/link.js';
import type { Netns } from '../../src/model/netns.js';
import { PROTO, TABLE, type Route } from '../../src/model/route.js';
import { defaultRules } from '../../src/model/rule.js';
import { CONF_KEYS, type IfConf } from '../../src/model/sysctl.js';
import { batchLine, checkLinkName, checkNetnsName, CompileError, compileOp, routeArgs, vxlanArgs } from './compile.js';

/**
 * Where commands for a namespace run.
 *
 * @example
 * const pod: Place = { host: 'node1', netns: 'pod1' }; // named namespace pod1 of sandbox host node1
 */
export interface Place {
  /** sandbox host ('' = the sandbox's own root); in persist mode always '' (the machine) */
  host: string;
  /** a named namespace inside that host's /run/netns, or null for the host's own namespace */
  netns: string | null;
}

/**
 * A namespace of the model and the place it gets on the kernel.
 *
 * @example
 * plan.namespaces.find((p) => p.path === 'node1/pod1')?.place; // { host: 'node1', netns: 'pod1' }
 */
export interface PlannedNs {
  /** the model's path: `host` or `host/NS` (`.infra` for the machine room) */
  path: string;
  ns: Netns;
  place: Place;
}

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
 * A compiled model: where each namespace goes and the batches of each wave.
 *
 * @example
 * const plan: ModelPlan = compileModel(k8sLab({ nodes: 2, podsPerNode: 1 }).model);
 * plan.sandboxHosts; // ['node1', 'node2']
 */
export interface ModelPlan {
  mode: 'sandbox' | 'persist';
  /** hosts to open the sandbox with (empty in persist mode) */
  sandboxHosts: string[];
  namespaces: PlannedNs[];
  /** wave 1, in parallel */
  create: Batch[];
  /** wave 2, in parallel */
  configure: Batch[];
  /** wave 3 (without sysctls, which need the kernel's defaults: compileSysctls) */
  finish: Batch[];
  /** what could not be reproduced exactly */
  warnings: string[];
}

export type Target =
  | {
      kind: 'sandbox';
      /** the sandbox PID of each host's namespace holder ('' is the sandbox root: 1) */
      pidOf?: (host: string) => number;
    }
  | {
      kind: 'persist';
      /** the machine namespace each model path becomes */
      names: ReadonlyMap<string, string>;
    };

export interface CompileModelOptions {
  target?: Target;
  /** namespaces per wave-1 batch (default: an eighth of them, 8 to 128) */
  chunk?: number;
}

/** A veth peer, a NIC's cable: the far end of a link, if any. */
function farEnd(l: Link): Link | null {
  return l.peer ?? l.cable ?? null;
}

/** Hosts of the model outside `lab.hosts` reached by a link: the machine room. */
function roomHosts(lab: LabModel): Host[] {
  const out: Host[] = [];
  for (const ns of lab.namespaces()) {
    for (const l of ns.linkList()) {
      for (const x of [farEnd(l), l.master]) {
        const h = x?.ns.host;
        if (h && !lab.hosts.has(h.name) && !out.includes(h)) out.push(h);
      }
    }
  }
  return out;
}

/** Every namespace of the model with its path, lab hosts first, the machine room last. */
export function modelNamespaces(lab: LabModel): { path: string; ns: Netns; host: Host; room: boolean }[] {
  const out: { path: string; ns: Netns; host: Host; room: boolean }[] = [];
  for (const h of lab.hosts.values()) for (const ns of h.allNamespaces()) out.push({ path: ns.path, ns, host: h, room: false });
  for (const h of roomHosts(lab)) for (const ns of h.allNamespaces()) out.push({ path: ns.path, ns, host: h, room: true });
  return out;
}

/** Whether the model needs a machine room (switches, far ends of NICs). */
export function usesRoom(lab: LabModel): boolean {
  return roomHosts(lab).length > 0;
}

/**
 * The sandbox hosts for a model: its hosts; when it also has a machine room, at least two, so
 * that the room (the sandbox root) is not also a host.
 */
export function sandboxHostsFor(lab: LabModel): string[] {
  const names = [...lab.hosts.keys()];
  if (names.length === 0) throw new CompileError('the model has no host');
  if (names.length === 1 && usesRoom(lab)) names.push('.room');
  return names;
}

function defaultMtu(l: Link): number {
  if (l.kind === 'vxlan') return l.vxlan?.dev ? 1450 : 1500;
  return DEFAULT_MTU[l.kind];
}

/**
 * Compiles a model into batches. Throws CompileError (naming the object) for names that are not
 * safe and for shapes the kernel cannot be given (a veth between named namespaces of two
 * different sandbox hosts).
 *
 * @example
 * const plan = compileModel(k8sLab({ nodes: 2, podsPerNode: 2 }).model, { target: { kind: 'sandbox' } });
 * plan.create[0].lines[0]; // 'netns add pod1'
 */
export function compileModel(lab: LabModel, opts: CompileModelOptions = {}): ModelPlan {
  const target: Target = opts.target ?? { kind: 'sandbox' };
  const all = modelNamespaces(lab);
  const sandboxHosts = target.kind === 'sandbox' ? sandboxHostsFor(lab) : [];
  const single = target.kind === 'sandbox' && sandboxHosts.length === 1;
  const warnings: string[] = [];

  const placeOf = new Map<Netns, Place>();
  const planned: PlannedNs[] = [];
  for (const { path, ns, host, room } of all) {
    let place: Place;
    if (target.kind === 'persist') {
      const name = target.names.get(path);
      if (!name) throw new CompileError(`no machine namespace name for "${path}"`);
      place = { host: '', netns: checkNetnsName(name) };
    } else {
      const sbHost = room ? '' : single ? sandboxHosts[0] : host.name;
      place = { host: sbHost, netns: ns.name === null ? null : checkNetnsName(ns.name) };
    }
    placeOf.set(ns, place);
    planned.push({ path, ns, place });
  }
  const where = (ns: Netns): Place => {
    const p = placeOf.get(ns);
    if (!p) throw new CompileError(`namespace "${ns.path}" is not part of the model`);
    return p;
  };

  // ---- wave 1: namespaces and links ----------------------------------------------------
  // Each creating place keeps one group per namespace it makes (its `netns add` and the links
  // that need it), so its work can be cut into chunks that run one after the other while the
  // namespaces of earlier chunks are already being configured.
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

  /** The `netns X` words that put a device made at `from` into `to`. */
  const netnsRef = (from: Place, to: Place): string[] => {
    if (target.kind === 'persist') return ['netns', to.netns!];
    if (from.host === to.host) return to.netns === null ? [] : ['netns', to.netns];
    if (to.netns !== null) throw new CompileError(`cannot reach namespace "${to.netns}" of another sandbox host`);
    const pid = to.host === '' ? 1 : target.pidOf?.(to.host);
    if (!pid) throw new CompileError(`no process id for sandbox host "${to.host}"`);
    return ['netns', String(pid)];
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
      switch (l.kind) {
        case 'loopback':
          break;
        case 'veth':
        case 'ether': {
          const far = farEnd(l);
          if (!far) {
            warnings.push(`${ns.path}: ${l.name} has no other end; not created`);
            break;
          }
          done.add(far);
          checkLinkName(far.name);
          const pa = where(l.ns);
          const pb = where(far.ns);
          let from: Place;
          if (persistLinksPlace) from = persistLinksPlace;
          else if (pa.host === pb.host) from = { host: pa.host, netns: null };
          else if (pa.netns !== null && pb.netns !== null) {
            throw new CompileError(`${l.ns.path}:${l.name} and ${far.ns.path}:${far.name} are in named namespaces of two different hosts`);
          } else if (pa.netns !== null) from = { host: pa.host, netns: null };
          else if (pb.netns !== null) from = { host: pb.host, netns: null };
          else from = { host: '', netns: null };
          addCreation(
            from,
            batchLine([
              'link', 'add', l.name, 'index', String(l.ifindex), 'address', l.mac, ...netnsRef(from, pa),
              'type', 'veth', 'peer', 'name', far.name, 'index', String(far.ifindex), 'address', far.mac, ...netnsRef(from, pb),
            ]),
            [l.ns, far.ns],
          );
          break;
        }
        case 'bridge': {
          const p = where(ns);
          const from = persistLinksPlace ?? { host: p.host, netns: null };
          const b = l.bridge!;
          const opts: string[] = [];
          if (b.stp !== 0) opts.push('stp_state', String(b.stp));
          if (b.ageingTime !== 30000) opts.push('ageing_time', String(b.ageingTime));
          if (b.forwardDelay !== 1500) opts.push('forward_delay', String(b.forwardDelay));
          if (b.vlanFiltering !== 0) warnings.push(`${ns.path}: ${l.name}: vlan_filtering is not set (this kernel refuses it)`);
          addCreation(
            from,
            batchLine(['link', 'add', l.name, 'index', String(l.ifindex), ...(b.macSet ? ['address', l.mac] : []), ...netnsRef(from, p), 'type', 'bridge', ...opts]),
            [ns],
          );
          break;
        }
        case 'vxlan': {
          const v = l.vxlan!;
          const spec = { id: v.id, dstport: v.dstport, local: v.local, remote: v.remote, group: v.group, dev: v.dev, learning: v.learning ? null : false, ttl: v.ttl || null };
          insideOf(ns).push(batchLine(['link', 'add', l.name, 'index', String(l.ifindex), 'address', l.mac, 'type', 'vxlan', ...vxlanArgs(spec)]));
          break;
        }
        case 'tun':
        case 'tap': {
          const t = l.tun!;
          insideOf(ns).push(batchLine(compileOp({ op: 'tuntap.add', name: l.name, mode: t.mode, pi: t.pi }).argv));
          if (l.kind === 'tap') insideOf(ns).push(batchLine(['link', 'set', 'dev', l.name, 'address', l.mac]));
          if (t.attached) warnings.push(`${ns.path}: ${l.name} is held open by a process in the model; on the kernel it has no carrier`);
          break;
        }
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
    for (const c of creators.values()) create.push(...chunk(c, opts.chunk ?? defaultChunk(planned.length)));
  }

  // ---- wave 2: per namespace --------------------------------------------------------------
  const configure: Batch[] = [];
  const finish: Batch[] = [];
  for (const p of planned) {
    const lines = [...(inside.get(p.ns) ?? []), ...configureLines(p.ns, warnings)];
    if (lines.length > 0) configure.push({ place: p.place, program: 'ip', lines, what: p.path });
    const fdb = fdbLines(p.ns);
    if (fdb.length > 0) finish.push({ place: p.place, program: 'bridge', lines: fdb, what: p.path });
  }

  return { mode: target.kind, sandboxHosts, namespaces: planned, create, configure, finish, warnings };
}

function describePlace(p: Place): string {
  const host = p.host === '' ? 'sandbox root' : `host ${p.host}`;
  return p.netns === null ? host : `${host}, netns ${p.netns}`;
}

/** The kernel's own routes: made from addresses and link state, never added by us. */
function kernelMade(r: Route): boolean {
  return r.protocol === PROTO.kernel;
}

/** The lines that configure one namespace once its links exist. */
function configureLines(ns: Netns, warnings: string[]): string[] {
  const out: string[] = [];
  const links = ns.linkList();
  for (const l of links) {
    const set: string[] = [];
    if (l.mtu !== defaultMtu(l)) set.push('mtu', String(l.mtu));
    const txq = l.kind === 'tun' ? 500 : 1000;
    if (l.txqlen !== txq) set.push('txqlen', String(l.txqlen));
    if (set.length) out.push(batchLine(['link', 'set', 'dev', l.name, ...set]));
  }
  const ports = links.filter((l) => l.master !== null).sort((a, b) => (a.portNo ?? 0) - (b.portNo ?? 0));
  for (const l of ports) {
    if (l.master!.ns !== ns) {
      warnings.push(`${ns.path}: master of ${l.name} is in another namespace; not set`);
      continue;
    }
    out.push(batchLine(['link', 'set', 'dev', l.name, 'master', l.master!.name]));
  }
  for (const l of links) {
    for (const a of l.addrs) {
      // lo gets 127.0.0.1/8 from the kernel when it comes up
      if (l.kind === 'loopback' && (l.up || l.everUp) && a.local === 0x7f000001 && a.prefixLen === 8) continue;
      const argv = compileOp({
        op: 'addr.add',
        mode: 'add',
        dev: l.name,
        local: a.local,
        prefixLen: a.prefixLen,
        peer: a.address !== a.local ? a.address : null,
        broadcast: a.broadcast,
        scope: a.scope,
        label: a.label !== l.name ? a.label : null,
        noprefixroute: a.noprefixroute,
        metric: a.metric ? a.metric : null,
      }).argv;
      out.push(batchLine(argv));
    }
  }
  // a device that was up once and is down now is opened and closed again: its qdisc (and lo's
  // 127.0.0.1) show that it was up
  const ups = links.filter((l) => l.up || l.everUp).sort((a, b) => (a.kind === 'loopback' ? -1 : b.kind === 'loopback' ? 1 : a.ifindex - b.ifindex));
  for (const l of ups) out.push(batchLine(['link', 'set', 'dev', l.name, 'up']));
  for (const l of ups) if (!l.up) out.push(batchLine(['link', 'set', 'dev', l.name, 'down']));
  out.push(...routeLines(ns, warnings));
  out.push(...ruleLines(ns));
  for (const n of ns.staticNeigh.values()) {
    out.push(batchLine(compileOp({ op: 'neigh.add', mode: 'replace', dst: n.ip, dev: n.dev.name, lladdr: n.lladdr, state: n.state as 'permanent' }).argv));
  }
  return out;
}

/** Routes we add: every table, device routes before gateway routes (a gateway must be on-link). */
function routeLines(ns: Netns, warnings: string[]): string[] {
  const tables = [...ns.tables.values()].sort((a, b) => (a.id === TABLE.local ? -1 : b.id === TABLE.local ? 1 : a.id - b.id));
  const direct: string[] = [];
  const viaGw: string[] = [];
  for (const t of tables) {
    for (const r of t.routes) {
      if (kernelMade(r)) continue;
      if (r.dev && r.dev.ns !== ns) {
        warnings.push(`${ns.path}: a route's device is in another namespace; skipped`);
        continue;
      }
      const words = batchLine([
        'route',
        'append',
        ...routeArgs({
          type: r.type,
          dst: r.dst,
          dstLen: r.dstLen,
          tos: r.tos,
          table: r.table,
          protocol: r.protocol,
          scope: r.scope,
          metric: r.metric,
          dev: r.dev?.name ?? null,
          gateway: r.gateway,
          prefsrc: r.prefsrc,
          onlink: r.onlink,
          mtu: r.mtu ?? null,
        }),
      ]);
      (r.gateway === null ? direct : viaGw).push(words);
    }
  }
  return [...direct, ...viaGw];
}

/** `ip rule` lines: the default rules the model lacks are deleted, the others added. */
function ruleLines(ns: Netns): string[] {
  const out: string[] = [];
  const same = (a: (typeof ns.rules)[number], b: (typeof ns.rules)[number]) =>
    a.priority === b.priority && a.table === b.table && a.action === b.action && !a.src && !a.dst && !a.iif && !a.oif && (a.protocol ?? 0) === (b.protocol ?? 0);
  const defaults = defaultRules();
  for (const d of defaults) {
    if (!ns.rules.some((r) => same(r, d))) out.push(batchLine(['rule', 'del', 'priority', String(d.priority), 'from', 'all', 'lookup', String(d.table)]));
  }
  for (const r of ns.rules) {
    if (defaults.some((d) => same(r, d))) continue;
    out.push(batchLine(compileOp({ op: 'rule.add', del: false, priority: r.priority, table: r.table, src: r.src, dst: r.dst, iif: r.iif, oif: r.oif, action: r.action }).argv));
  }
  return out;
}

/** Static forwarding entries (VXLAN remotes, `bridge fdb add`), for `bridge -batch`. */
function fdbLines(ns: Netns): string[] {
  const out: string[] = [];
  for (const l of ns.linkList()) {
    for (const e of l.fdb) {
      out.push(batchLine(compileOp({ op: 'fdb.add', mode: 'append', mac: e.mac, dev: l.name, dst: e.dst, master: e.master === true, self: false, permanent: e.permanent }).argv));
    }
  }
  return out;
}

/** The IPv4 conf a new namespace starts with on this kernel (copied from the machine's). */
export interface ConfBaseline {
  all: IfConf;
  default: IfConf;
}

/** conf keys the kernel shows but does not let anyone write */
const READ_ONLY = new Set<string>(['mc_forwarding']);

/**
 * The sysctl writes that take a namespace from the kernel's start (`baseline`, with every link
 * made before the writes) to the model: `all` first (a write of all.forwarding also sets
 * default and every device, and clears all.accept_redirects: inet_forward_change), then
 * `default`, then each device. A write to `default` reaches the devices whose key was never
 * written (devinet_copy_dflt_conf), which depends on bits we cannot see, so a device key is
 * written whenever its value could differ from the model's. Empty when nothing differs.
 */
export function sysctlWrites(ns: Netns, baseline: ConfBaseline): string[] {
  const writes: string[] = [];
  const keys = CONF_KEYS.filter((k) => !READ_ONLY.has(k) && k in baseline.all && k in baseline.default);
  const all = { ...baseline.all };
  const dflt = { ...baseline.default };
  // a loopback device starts with disable_policy and disable_xfrm on (inetdev_init)
  const start = (l: Link, k: keyof IfConf) => (l.kind === 'loopback' && (k === 'disable_policy' || k === 'disable_xfrm') ? 1 : baseline.default[k]);
  const possible = new Map<Link, Map<keyof IfConf, Set<number>>>(
    ns.linkList().map((l) => [l, new Map(keys.map((k) => [k, new Set([start(l, k)])]))]),
  );
  const put = (scope: string, key: keyof IfConf, v: number) => writes.push(`net/ipv4/conf/${scope}/${key}=${v}`);
  if (ns.all.forwarding !== all.forwarding) {
    put('all', 'forwarding', ns.all.forwarding);
    all.forwarding = ns.all.forwarding;
    all.accept_redirects = all.forwarding ? 0 : 1;
    dflt.forwarding = all.forwarding;
    for (const c of possible.values()) c.set('forwarding', new Set([all.forwarding]));
  }
  for (const k of keys) if (k !== 'forwarding' && ns.all[k] !== all[k]) put('all', k, ns.all[k]);
  for (const k of keys) {
    if (ns.default[k] === dflt[k]) continue;
    put('default', k, ns.default[k]);
    for (const c of possible.values()) c.get(k)!.add(ns.default[k]);
  }
  for (const [l, c] of possible) {
    for (const k of keys) {
      const p = c.get(k)!;
      if (p.size !== 1 || !p.has(l.conf[k])) put(checkLinkName(l.name), k, l.conf[k]);
    }
  }
  return writes;
}

/**
 * Wave 3's sysctl commands (`sysctl -q -w key=value …`, one per namespace that needs any).
 *
 * @example
 * compileSysctls(plan, { all: PROFILES.kernel.all, default: PROFILES.kernel.default });
 * // [{ program: 'sysctl', lines: ['-q', '-w', 'net/ipv4/conf/all/forwarding=1'], … }]
 */
export function compileSysctls(plan: ModelPlan, baseline: ConfBaseline): Batch[] {
  const out: Batch[] = [];
  for (const p of plan.namespaces) {
    const w = sysctlWrites(p.ns, baseline);
    if (w.length > 0) out.push({ place: p.place, program: 'sysctl', lines: ['-q', '-w', ...w], what: p.path });
  }
  return out;
}

/**
 * Human-readable summary of where each model namespace went.
 *
 * @example
 * describeMapping(plan); // 'node1 -> host node1\nnode1/pod1 -> host node1, netns pod1\n…'
 */
export function describeMapping(plan: ModelPlan): string {
  return plan.namespaces.map((p) => `${p.path} -> ${plan.mode === 'persist' ? p.place.netns : describePlace(p.place)}`).join('\n');
}

export { ip4ToString };
