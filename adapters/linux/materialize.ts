/**
 * A model made real. By default inside one throwaway sandbox (hosts = the lab's hosts, the
 * machine room = the sandbox's own root); with `persist`, in the machine's named namespaces
 * under a run prefix, recorded for `nettwin destroy`. Either way the model is compiled into
 * batches (compile-model.ts) run wave by wave, each wave in parallel:
 *
 *   create (one `ip -batch` per creating place) → configure (one per namespace)
 *   → finish (sysctls, fdb entries)
 *
 * The handle pings and runs modelled commands inside the namespaces, reads the state back,
 * and destroys everything.
 *
 * @example
 * const real = await materialize(k8sLab({ nodes: 2, podsPerNode: 2 }));
 * try {
 *   (await real.ping('node1/pod1', '10.244.2.2')).received; // 1
 * } finally {
 *   await real.destroy();
 * }
 */
import { spawn } from 'node:child_process';
import * as os from 'node:os';
import { LabModel } from '../../src/model/lab-model.js';
import { pingCounts, pingTarget } from '../../src/exec/local.js';
import { compileModel, type ModelPlan } from './compile-model.js';
import { describeMapping, modelNamespaces, sandboxHostsFor, type Place } from './compile-model-place.js';
import { compileSysctls, type ConfBaseline } from './compile-model-sysctl.js';
import type { Batch } from './compile-model-waves.js';
import type { IfConf } from '../../src/model/sysctl.js';
import { isIpv4Literal, persistIpProblem, realArgvProblem } from './guard.js';
import { defaultStatePath, destroyRun, machineNamespaces, newRunPrefix, persistNames, recordMade, recordRun, type PersistRun } from './persist.js';
import { persistProblems, PreconditionError, requireRealMode, searchPath } from './preconditions.js';
import { DUMP_ARGV, DUMP_BATCH, modelFromDumps, splitDump, SYSCTL_ARGV, type NsDump } from './read-back.js';
import { VLAN_ARGV } from './read-back-bridge-vlan.js';
import { Sandbox, type ExecResult } from './sandbox.js';
import { GroupedBatches } from './grouped-batches.js';
import { settled, type JsonLink } from './settle.js';

/**
 * How to materialize.
 *
 * @example
 * await materialize(lab, { persist: { lab: 'seed' }, concurrency: 8 });
 */
export interface MaterializeOptions {
  /**
   * Materialize into the machine's named namespaces instead of a sandbox, as lab `lab` (1-6
   * lower-case letters or digits; default a fresh `x…`): namespaces `nt-<lab>-<host>-<ns>`
   * (persist.ts), recorded in `statePath` with `source`, the file the lab came from.
   */
  persist?: { lab?: string; statePath?: string; source?: string };
  /** processes run at once in the configure wave (default: 2 × CPUs, at most 16) */
  concurrency?: number;
}

/**
 * The real ping's options.
 *
 * @example await real.ping('node1/pod1', '10.244.2.2', { count: 3, timeoutSec: 2 });
 */
export interface PingOptions {
  /** -c (default 1) */
  count?: number;
  /** -W seconds (default 1) */
  timeoutSec?: number;
  /** -t */
  ttl?: number;
  /** -I DEV */
  iface?: string;
}

/**
 * What a real ping did: its counts, exit status and output.
 *
 * @example (await real.ping('h/ns0', '10.0.0.1')).received // 1
 */
export interface PingOutcome {
  transmitted: number;
  received: number;
  exit: number;
  stdout: string;
  stderr: string;
}

/**
 * Milliseconds. Namespaces are configured while later ones are still being created, so
 * `create` and `configure` overlap: both count from the end of `open`.
 *
 * @example console.log(`${real.timings.total.toFixed(0)} ms`);
 */
export interface Timings {
  /** opening the sandbox (persist: recording the run) */
  open: number;
  /** until every namespace and link existed */
  create: number;
  /** until every namespace was configured */
  configure: number;
  /** the sysctls and fdb entries after the last configuration */
  finish: number;
  total: number;
}

/**
 * A materialized model: ping, run modelled commands, read back, destroy.
 *
 * @example
 * const real: Materialized = await materialize(lab);
 * await real.settle();
 * const back = await real.readBack();
 * await real.destroy();
 */
export interface Materialized {
  readonly mode: 'sandbox' | 'persist';
  readonly plan: ModelPlan;
  /** model path -> where it is on the kernel (a machine namespace name in persist mode) */
  readonly mapping: ReadonlyMap<string, string>;
  /** the recorded run, in persist mode */
  readonly run: PersistRun | null;
  readonly timings: Timings;
  /** the real `ping -c N -W T DST` from a namespace (`host` or `host/NS`); DST must be an IPv4 address */
  ping(from: string, dst: string, opts?: PingOptions): Promise<PingOutcome>;
  /** runs ip, bridge, ping or sysctl (nothing else) inside a namespace */
  exec(path: string, argv: string[], opts?: { input?: string; timeoutMs?: number }): Promise<ExecResult>;
  /**
   * Waits (up to maxMs) until linkwatch has given every link its operstate and, with `dad`,
   * IPv6 duplicate address detection has ended, as the simulator shows things.
   */
  settle(opts?: { dad?: boolean; maxMs?: number }): Promise<void>;
  /** raw `ip -j` dumps of every namespace */
  dump(): Promise<Map<string, NsDump>>;
  /** the kernel's state as a model */
  readBack(): Promise<LabModel>;
  /** removes everything this materialization made; idempotent */
  destroy(): Promise<void>;
}

/**
 * The kernel refused a command of the plan; the message names the namespace and the line.
 *
 * @example
 * try { await materialize(lab); } catch (e) { if (e instanceof MaterializeError) console.error(e.message); }
 */
export class MaterializeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MaterializeError';
  }
}

/** Runs argv at a place. */
interface Executor {
  run(place: Place, argv: string[], input?: string, timeoutMs?: number): Promise<ExecResult>;
  /** `ip -batch` in a named namespace, gathered with others when the executor can */
  runIpBatch?(place: Place & { netns: string }, input: string): Promise<ExecResult>;
  close(): Promise<void>;
}

/** `nsenter --net=/run/netns/NS --` in front of argv for a named namespace. */
function inNetns(place: Place, argv: string[]): string[] {
  return place.netns === null ? argv : ['nsenter', `--net=/run/netns/${place.netns}`, '--', ...argv];
}

class SandboxExecutor implements Executor {
  private readonly grouped: GroupedBatches;
  constructor(readonly sb: Sandbox) {
    this.grouped = new GroupedBatches(sb);
  }
  runIpBatch(place: Place & { netns: string }, input: string): Promise<ExecResult> {
    return this.grouped.run(place.host, place.netns, input);
  }
  run(place: Place, argv: string[], input?: string, timeoutMs?: number): Promise<ExecResult> {
    const full = inNetns(place, argv);
    const o = { input, timeoutMs };
    return place.host === '' ? this.sb.execRoot(full, o) : this.sb.exec(place.host, full, o);
  }
  close(): Promise<void> {
    return this.sb.close();
  }
}

/**
 * Commands on the machine itself (persist mode). Every command is checked here, last thing
 * before it runs: outside a prefixed namespace only `ip -batch -` of `netns add|del PREFIX…`
 * lines; inside one, ip/bridge/sysctl/ping/cat, an ip batch never naming another namespace
 * except by a prefixed name.
 */
class MachineExecutor implements Executor {
  /** `made`: the namespaces a batch has just created, for the run to record their identity */
  constructor(
    readonly prefix: string,
    private readonly made: (names: string[]) => void = () => {},
  ) {}

  check(place: Place, argv: string[], input?: string): void {
    const lines = (input ?? '').split('\n').filter((l) => l.trim());
    const mine = (n: string) => n.startsWith(this.prefix) && /^[A-Za-z0-9_.-]+$/.test(n);
    if (place.host !== '') throw new MaterializeError(`persist: no sandbox host "${place.host}"`);
    if (place.netns === null) {
      const ok = argv.join(' ') === 'ip -batch -' && lines.every((l) => /^netns (add|del) \S+$/.test(l) && mine(l.split(' ')[2]));
      if (!ok) throw new MaterializeError(`persist: refusing to run in the machine's root namespace: ${argv.join(' ')}`);
      return;
    }
    if (!mine(place.netns)) throw new MaterializeError(`persist: namespace "${place.netns}" is not one of run ${this.prefix}`);
    const prog = argv[0];
    if (!['ip', 'bridge', 'sysctl', 'ping', 'cat'].includes(prog)) throw new MaterializeError(`persist: refusing to run ${prog}`);
    if (prog === 'cat' && !argv.slice(1).every((p) => /^\/proc\/sys\/net\/ipv4\/conf\/[a-z]+\/[a-z_]+$/.test(p))) throw new MaterializeError('persist: refusing cat');
    for (const l of prog === 'ip' || prog === 'bridge' ? lines : []) {
      const w = l.split(' ');
      for (let i = 0; i < w.length; i++) {
        if (w[i] === 'netns' && !mine(w[i + 1] ?? '')) throw new MaterializeError(`persist: refusing batch line "${l}"`);
        if (w[i] === 'exec' || w[i].startsWith('link-netns')) throw new MaterializeError(`persist: refusing batch line "${l}"`);
      }
    }
  }

  async run(place: Place, argv: string[], input?: string, timeoutMs = 60_000): Promise<ExecResult> {
    this.check(place, argv, input);
    const full = inNetns(place, argv);
    const r = await runProcess(full, input, timeoutMs);
    if (place.netns === null) {
      // ip -batch stops at its first failure: the lines before it made their namespaces
      const lines = (input ?? '').split('\n').filter((l) => l.trim());
      const failedLine = r.exit === 0 ? lines.length + 1 : Number(/Command failed -:(\d+)/.exec(r.stderr)?.[1] ?? 1);
      this.made(
        lines
          .slice(0, failedLine - 1)
          .filter((l) => l.startsWith('netns add '))
          .map((l) => l.split(' ')[2]),
      );
    }
    return r;
  }

  async close(): Promise<void> {}
}

/** One process, no shell; stdin is `input` or /dev/null. */
export function runProcess(argv: string[], input: string | undefined, timeoutMs: number): Promise<ExecResult> {
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), {
      env: { PATH: searchPath().join(':'), LC_ALL: 'C' },
      cwd: '/',
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout!.on('data', (b: Buffer) => out.push(b));
    child.stderr!.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => err.push(Buffer.from(`${argv[0]}: ${e.message}\n`)));
    child.on('close', (code, sig) => {
      clearTimeout(timer);
      const r: ExecResult = {
        exit: timedOut ? 124 : (code ?? (sig ? 128 + (os.constants.signals[sig] ?? 0) : 126)),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      };
      if (timedOut) r.timedOut = true;
      resolve(r);
    });
    if (input !== undefined) {
      child.stdin!.on('error', () => {});
      child.stdin!.end(input);
    }
  });
}

async function pool<T>(items: T[], n: number, fn: (t: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed: unknown = null;
  const worker = async () => {
    while (next < items.length && failed === null) {
      const it = items[next++];
      try {
        await fn(it);
      } catch (e) {
        failed ??= e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(n, items.length)) }, worker));
  if (failed !== null) throw failed;
}

/** Runs one batch; a failure names the batch's place and the line ip stopped at. */
async function runBatch(ex: Executor, b: Batch): Promise<void> {
  const argv = b.program === 'sysctl' ? ['sysctl', ...b.lines] : [b.program, '-batch', '-'];
  const input = b.program === 'sysctl' ? undefined : `${b.lines.join('\n')}\n`;
  const netns = b.place.netns;
  const r = b.program === 'ip' && netns !== null && ex.runIpBatch ? await ex.runIpBatch({ ...b.place, netns }, input!) : await ex.run(b.place, argv, input, 120_000);
  if (r.exit === 0) return;
  const m = /Command failed -:(\d+)/.exec(r.stderr);
  const line = m ? ` at "${b.lines[Number(m[1]) - 1]}"` : '';
  throw new MaterializeError(`${b.what}: ${b.program} failed${line}: ${r.stderr.trim() || `exit ${r.exit}`}`);
}

/** The IPv4 conf (all, default) a new namespace gets on this kernel, read inside one. */
async function readBaseline(ex: Executor, place: Place): Promise<ConfBaseline> {
  const r = await ex.run(place, ['sysctl', 'net.ipv4.conf.all', 'net.ipv4.conf.default']);
  const conf = { all: {} as Record<string, number>, default: {} as Record<string, number> };
  for (const line of r.stdout.split('\n')) {
    const m = /^net\.ipv4\.conf\.(all|default)\.([a-z_0-9]+) = (-?\d+)$/.exec(line.trim());
    if (m) conf[m[1] as 'all' | 'default'][m[2]] = Number(m[3]);
  }
  if (!('forwarding' in conf.all) || !('forwarding' in conf.default)) {
    throw new MaterializeError(`could not read the kernel's sysctl defaults: ${r.stderr.trim() || 'no output'}`);
  }
  return { all: conf.all as unknown as IfConf, default: conf.default as unknown as IfConf };
}

/** At most `n` at once. */
class Slots {
  private free: number;
  private readonly waiting: Array<() => void> = [];
  constructor(n: number) {
    this.free = Math.max(1, n);
  }
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((r) => this.waiting.push(r));
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    }
  }
}

/**
 * Runs the plan. Wave-1 batches of one chain run in order, chains in parallel; a namespace is
 * configured as soon as every wave-1 batch that touches it is done, then gets its sysctls and
 * fdb entries. Processes of waves 2 and 3 share `concurrency` slots. The first failure stops
 * new work and is thrown once running work has ended.
 */
async function runWaves(ex: Executor, plan: ModelPlan, concurrency: number, times: { create: number; configure: number }): Promise<void> {
  let failure: unknown = null;
  const guard = async (fn: () => Promise<void>) => {
    if (failure !== null) return;
    try {
      await fn();
    } catch (e) {
      failure ??= e;
    }
  };
  const chains = new Map<string, Promise<void>>();
  const done = new Map<Batch, Promise<void>>();
  if (plan.mode === 'persist') {
    let prev = Promise.resolve();
    for (const b of plan.create) {
      prev = prev.then(() => guard(() => runBatch(ex, b)));
      done.set(b, prev);
    }
  } else {
    for (const b of plan.create) {
      const key = b.chain ?? `#${done.size}`;
      const p = (chains.get(key) ?? Promise.resolve()).then(() => guard(() => runBatch(ex, b)));
      chains.set(key, p);
      done.set(b, p);
    }
  }
  const allCreated = Promise.all(done.values()).then(() => {
    times.create = performance.now();
  });
  // the kernel's sysctl defaults, read as soon as there is a namespace to read them in
  const baselinePlace = plan.mode === 'persist' ? plan.namespaces[0].place : { host: '', netns: null };
  const baselineReady = plan.mode === 'persist' ? done.get(plan.create[0])! : Promise.resolve();
  const baseline = baselineReady.then(() => (failure === null ? readBaseline(ex, baselinePlace) : null));
  baseline.catch(() => {});
  const slots = new Slots(concurrency);
  const byNs = new Map(plan.namespaces.map((p) => [p.ns, { configure: [] as Batch[], finish: [] as Batch[], created: [] as Promise<void>[] }]));
  const nsByPath = new Map(plan.namespaces.map((p) => [p.path, p.ns]));
  const nsOf = (b: Batch) => {
    const ns = nsByPath.get(b.what);
    if (!ns) throw new MaterializeError(`internal: batch for unknown namespace ${b.what}`);
    return ns;
  };
  for (const b of plan.configure) byNs.get(nsOf(b))!.configure.push(b);
  for (const b of plan.finish) byNs.get(nsOf(b))!.finish.push(b);
  for (const [b, p] of done) for (const ns of b.touches ?? plan.namespaces.map((x) => x.ns)) byNs.get(ns)?.created.push(p);
  let configured = 0;
  const tasks = plan.namespaces.map(async (p) => {
    const w = byNs.get(p.ns)!;
    await Promise.all(w.created);
    // ip batches of named namespaces go to the executor's groups (which keep their own pace)
    for (const b of w.configure) await guard(() => (b.program === 'ip' && b.place.netns !== null && ex.runIpBatch ? runBatch(ex, b) : slots.run(() => runBatch(ex, b))));
    if (++configured === plan.namespaces.length) times.configure = performance.now();
    let base: ConfBaseline | null = null;
    await guard(async () => {
      base = await baseline;
    });
    if (failure !== null || base === null) return;
    const sys = compileSysctls({ ...plan, namespaces: [p] }, base);
    for (const b of [...sys, ...w.finish]) await guard(() => slots.run(() => runBatch(ex, b)));
  });
  await Promise.all([allCreated, ...tasks]);
  if (failure !== null) throw failure;
}

function defaultConcurrency(): number {
  const cpus = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.min(16, Math.max(2, cpus * 2));
}

/**
 * Materializes a model (a Lab or its LabModel) on the kernel and returns a handle. Throws
 * PreconditionError when real mode is not possible here, CompileError for a model that cannot
 * be given to the kernel, MaterializeError when the kernel refuses a command (everything made
 * so far is removed first).
 *
 * @example
 * const real = await materialize(k8sLab({ nodes: 2, podsPerNode: 2 }));
 * try {
 *   (await real.ping('node1/pod1', '10.244.2.2')).received; // 1
 * } finally {
 *   await real.destroy();
 * }
 */
export async function materialize(lab: { readonly model: LabModel } | LabModel, opts: MaterializeOptions = {}): Promise<Materialized> {
  const model = lab instanceof LabModel ? lab : lab.model;
  const t0 = performance.now();
  requireRealMode(undefined, opts.persist ? persistProblems() : []);
  const concurrency = opts.concurrency ?? defaultConcurrency();

  let ex: Executor;
  let plan: ModelPlan;
  let run: PersistRun | null = null;
  let statePath = '';
  if (opts.persist) {
    statePath = opts.persist.statePath ?? defaultStatePath();
    const { id, prefix } = newRunPrefix(opts.persist.lab, statePath);
    const paths = modelNamespaces(model).map((p) => p.path);
    const names = persistNames(paths, prefix);
    plan = compileModel(model, { target: { kind: 'persist', names } });
    const existing = new Set(machineNamespaces());
    const clash = [...names.values()].filter((n) => existing.has(n));
    if (clash.length) throw new PreconditionError(`persist: namespaces already exist on this machine: ${clash.join(', ')}`);
    run = {
      id,
      prefix,
      created: new Date().toISOString(),
      pid: process.pid,
      namespaces: [...names.values()],
      mapping: Object.fromEntries(names),
      ...(opts.persist.source === undefined ? {} : { source: opts.persist.source }),
    };
    // recorded before anything exists, so that a crash still leaves something to destroy
    recordRun(run, statePath);
    const made = run;
    ex = new MachineExecutor(prefix, (names) => recordMade(made, names, statePath));
  } else {
    const sb = await Sandbox.open({ hosts: sandboxHostsFor(model) });
    ex = new SandboxExecutor(sb);
    try {
      plan = compileModel(model, { target: { kind: 'sandbox', pidOf: (h) => sb.hostPids[h] } });
    } catch (e) {
      await sb.close();
      throw e;
    }
  }
  const tOpen = performance.now();
  const cleanup = async () => {
    await ex.close();
    if (run) destroyRun(run, statePath);
  };
  const times = { create: tOpen, configure: tOpen };
  try {
    await runWaves(ex, plan, concurrency, times);
  } catch (e) {
    await cleanup();
    throw e;
  }
  const tEnd = performance.now();
  const timings: Timings = {
    open: tOpen - t0,
    create: times.create - tOpen,
    configure: times.configure - tOpen,
    finish: tEnd - times.configure,
    total: tEnd - t0,
  };
  return new Handle(model, plan, ex, run, statePath, timings);
}

class Handle implements Materialized {
  readonly mode: 'sandbox' | 'persist';
  readonly mapping: ReadonlyMap<string, string>;
  private destroyed: Promise<void> | null = null;
  private readonly places: Map<string, Place>;

  constructor(
    private readonly model: LabModel,
    readonly plan: ModelPlan,
    private readonly ex: Executor,
    readonly run: PersistRun | null,
    private readonly statePath: string,
    readonly timings: Timings,
  ) {
    this.mode = plan.mode;
    this.places = new Map(plan.namespaces.map((p) => [p.path, p.place]));
    const lines = describeMapping(plan).split('\n');
    this.mapping = new Map(plan.namespaces.map((p, i) => [p.path, lines[i].slice(lines[i].indexOf(' -> ') + 4)]));
  }

  private place(path: string): Place {
    if (this.destroyed) throw new Error('materialized lab: already destroyed');
    const p = this.places.get(path);
    if (!p) throw new Error(`materialized lab: no namespace "${path}" (have: ${[...this.places.keys()].join(', ')})`);
    return p;
  }

  async ping(from: string, dst: string, opts: PingOptions = {}): Promise<PingOutcome> {
    if (!isIpv4Literal(dst)) throw new Error(`ping: "${dst}" is not an IPv4 address`);
    const argv = ['ping', '-c', String(opts.count ?? 1), '-W', String(opts.timeoutSec ?? 1)];
    if (opts.ttl !== undefined) argv.push('-t', String(opts.ttl));
    if (opts.iface !== undefined) argv.push('-I', opts.iface);
    argv.push(dst);
    const r = await this.exec(from, argv);
    return { ...pingCounts(r.stdout), exit: r.exit, stdout: r.stdout, stderr: r.stderr };
  }

  async exec(path: string, argv: string[], opts: { input?: string; timeoutMs?: number } = {}): Promise<ExecResult> {
    const place = this.place(path);
    if (!Array.isArray(argv) || argv.length === 0) throw new Error('exec: argv must be a non-empty array');
    const [prog, ...args] = argv;
    const problem = realArgvProblem(prog, args) ?? (this.mode === 'persist' && prog === 'ip' ? persistIpProblem(args) : null);
    if (problem) throw new Error(`exec: refusing ${problem} (only modelled ip, bridge, ping and sysctl commands run)`);
    if (prog === 'ping' && !isIpv4Literal(pingTarget(args))) throw new Error(`exec: ping needs an IPv4 address, got "${pingTarget(args)}"`);
    if (opts.input !== undefined && this.mode === 'persist') throw new Error('exec: no input in persist mode');
    return this.ex.run(place, argv, opts.input, opts.timeoutMs);
  }

  async settle(opts: { dad?: boolean; maxMs?: number } = {}): Promise<void> {
    const deadline = Date.now() + (opts.maxMs ?? (opts.dad ? 3000 : 1500));
    let pending = this.plan.namespaces.map((p) => p.place);
    while (pending.length > 0 && Date.now() < deadline) {
      const still: Place[] = [];
      await pool(pending, 8, async (place) => {
        const r = await this.ex.run(place, ['ip', '-j', 'addr', 'show']);
        try {
          if (!settled(JSON.parse(r.stdout || '[]') as JsonLink[], opts.dad ?? false)) still.push(place);
        } catch {
          still.push(place);
        }
      });
      pending = still;
      if (pending.length > 0) await new Promise((r) => setTimeout(r, 25));
    }
  }

  async dump(): Promise<Map<string, NsDump>> {
    const out = new Map<string, NsDump>();
    await pool(this.plan.namespaces, 8, async (p) => {
      const place = this.place(p.path);
      // bridge VLANs where the kernel the model was made for has them
      const vlans = this.model.kernel.bridgeVlanFiltering === true;
      const [j, s, v] = await Promise.all([this.ex.run(place, DUMP_ARGV, DUMP_BATCH), this.ex.run(place, SYSCTL_ARGV), vlans ? this.ex.run(place, VLAN_ARGV) : null]);
      if (j.exit !== 0) throw new MaterializeError(`read-back of ${p.path}: ${j.stderr.trim()}`);
      if (v && v.exit !== 0) throw new MaterializeError(`read-back of ${p.path}: ${v.stderr.trim()}`);
      out.set(p.path, { ...splitDump(j.stdout, s.stdout), ...(v ? { vlan: v.stdout } : {}) });
    });
    return new Map(this.plan.namespaces.map((p) => [p.path, out.get(p.path)!]));
  }

  async readBack(): Promise<LabModel> {
    const dumps = await this.dump();
    return modelFromDumps(
      this.model,
      [...dumps].map(([path, dump]) => ({ path, dump })),
    );
  }

  destroy(): Promise<void> {
    this.destroyed ??= (async () => {
      await this.ex.close();
      if (this.run) {
        const r = destroyRun(this.run, this.statePath);
        if (r.failed.length) throw new MaterializeError(`destroy: ${r.failed.map((f) => `${f.name}: ${f.error}`).join('; ')}`);
      }
    })();
    return this.destroyed;
  }
}
