/**
 * Verification on the kernel (`nettwin verify --real`): the lab is built in a throwaway sandbox
 * as `nettwin run --real` builds it (wiring, setups, `run` list), then every question is asked
 * of the kernel: the real `ping -c 1 -W 1` for reach and isolation, pings with a rising TTL for
 * paths (the routers' "Time to live exceeded" name the hops, as traceroute does), and the
 * kernel's forwarding state, read back with `ip -j` and `sysctl`, for loops and blackholes. The
 * explanation under each failure is the forwarding engine's, run on that read-back state.
 *
 * The simulation runs first: it checks the intents' namespaces before anything touches the kernel.
 */
import type { ExecResult, Sandbox } from './sandbox.js';
import { ip4ToString, parseIp4, type Ip4 } from '../../src/model/ip.js';
import type { LabModel } from '../../src/model/lab-model.js';
import { KERNEL_PROFILES } from '../../src/model/kernel-profile.js';
import { runLabSim } from '../../src/labfile/sim-lab.js';
import { wiringPlan } from '../../src/labfile/plan.js';
import type { LabSpec } from '../../src/labfile/spec.js';
import { Simulator } from '../../sim/simulator.js';
import { kernelPortAnswer, type PortReport, type PortSpec } from '../../src/verify/port-intent.js';
import { dnatEndpoints, type DnatEndpoint } from '../../src/model/netfilter/dnat-endpoints.js';
import { dstText, questionsOf, type BlackholeReport, type LoopReport, type PathAnswer, type Prober, type Question, type ReachAnswer } from '../../src/verify/check.js';
import { address6OfNs, addressOfNs } from '../../src/verify/describe.js';
import { settle } from './settle.js';
import type { Ip6 } from '../../src/model/ipv6/ip6.js';
import { defaultEngine, type ForwardingEngine } from '../../src/verify/engine.js';
import { parseIntents, type Prefix } from '../../src/verify/intents.js';
import { SimProber } from '../../src/verify/sim-prober.js';
import { intentsFor, report, type VerifyReport } from '../../src/verify/verify.js';

/** Runs argv in a namespace of the sandbox (`host`, `host/NS`, or `.infra`, the sandbox root). */
export function execIn(sb: Sandbox, path: string, argv: string[], opts: { input?: string; timeoutMs?: number } = {}): Promise<ExecResult> {
  const slash = path.indexOf('/');
  const host = slash < 0 ? path : path.slice(0, slash);
  if (host === '.infra') return sb.execRoot(argv, opts);
  return sb.exec(host, slash < 0 ? argv : ['ip', 'netns', 'exec', path.slice(slash + 1), ...argv], opts);
}

/** The kernel's state of every namespace of `like`, as a model (adapters/linux/read-back). */
export async function readBackModel(sb: Sandbox, like: LabModel, room: boolean): Promise<LabModel> {
  const { DUMP_ARGV, DUMP_BATCH, SYSCTL_ARGV, modelFromDumps, splitDump } = await import('./read-back.js');
  const { VLAN_ARGV } = await import('./read-back-bridge-vlan.js');
  const paths = like.namespaces().map((n) => n.path);
  if (room) paths.push('.infra');
  const dumps = await Promise.all(
    paths.map(async (path) => {
      // bridge VLANs where the kernel has them (it says so in the profile the model was made for)
      const vlans = like.kernel.bridgeVlanFiltering === true;
      const [j, s, v] = await Promise.all([execIn(sb, path, DUMP_ARGV, { input: DUMP_BATCH }), execIn(sb, path, SYSCTL_ARGV), vlans ? execIn(sb, path, VLAN_ARGV) : null]);
      if (j.exit !== 0) throw new Error(`read-back of ${path}: ${j.stderr.trim()}`);
      if (v && v.exit !== 0) throw new Error(`read-back of ${path}: ${v.stderr.trim()}`);
      return { path, dump: { ...splitDump(j.stdout, s.stdout), ...(v ? { vlan: v.stdout } : {}) } };
    }),
  );
  return modelFromDumps(like, dumps);
}

/** At most `n` promises at a time, results in order. */
async function limited<T, R>(items: readonly T[], n: number, f: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const k = next++;
      out[k] = await f(items[k]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return out;
}

function portKey(from: string, dst: Ip4, s: PortSpec): string {
  return `${from} ${dst} ${s.proto} ${s.port}`;
}

/** What one real ping printed, in a line: the reply, the error, or silence. */
export function pingLine(r: ExecResult): string {
  const lines = `${r.stdout}\n${r.stderr}`.split('\n').map((l) => l.trim());
  const reply = lines.find((l) => /^\d+ bytes from /.test(l));
  if (reply) return reply.replace(/ time=.*$/, '');
  const from = lines.find((l) => /^From /.test(l));
  if (from) return from;
  const err = lines.find((l) => /^ping: /.test(l));
  if (err) return err;
  return 'no answer within 1 s';
}

/**
 * A Prober whose answers were collected from the kernel beforehand (`answer`), so that judging
 * stays the same synchronous code as in the simulator.
 */
export class RealProber implements Prober {
  private readonly reaches = new Map<string, ReachAnswer>();
  private readonly ports = new Map<string, PortReport>();
  private readonly paths = new Map<string, PathAnswer>();
  private loopList: LoopReport[] | null = null;
  private readonly holes = new Map<string, BlackholeReport[]>();
  /** the forwarding engine on the kernel's state: the explanations */
  private readonly onKernelState: SimProber;

  constructor(
    readonly sb: Sandbox,
    /** the kernel's state, read back */
    readonly model: LabModel,
    readonly engine: ForwardingEngine = defaultEngine,
    /** the lab as its files describe it: which IPv6 address a namespace stands for (read-back has no IPv6), its DNAT rules */
    readonly described: LabModel = model,
  ) {
    this.onKernelState = new SimProber(model, new Simulator(model), engine);
  }

  addressOf(ns: string): Ip4 | null {
    return addressOfNs(this.model, ns);
  }

  addressOf6(ns: string): Ip6 | null {
    return address6OfNs(this.described, ns);
  }

  /** Asks the kernel every question (pings in parallel, paths one probe at a time each). */
  async answer(qs: readonly Question[], concurrency = 8): Promise<void> {
    await limited(qs, concurrency, async (q) => {
      if (q.q === 'reach') this.reaches.set(`${q.from} ${q.dst}`, await this.ping(q.from, q.dst));
      else if (q.q === 'port') this.ports.set(portKey(q.from, q.dst, q.spec), await this.nc(q.from, q.dst, q.spec));
      else if (q.q === 'path') this.paths.set(`${q.from} ${q.dst}`, await this.trace(q.from, q.dst));
      else if (q.q === 'loops') this.loopList = this.onKernelState.loops();
      else this.holes.set(`${q.prefix.addr}/${q.prefix.len}`, this.onKernelState.blackholes(q.prefix));
    });
  }

  private async ping(from: string, dst: Ip4 | Ip6): Promise<ReachAnswer> {
    const r = await execIn(this.sb, from, ['ping', ...(typeof dst === 'bigint' ? ['-6'] : []), '-c', '1', '-W', '1', dstText(dst)], { timeoutMs: 15_000 });
    const replied = r.exit === 0;
    const summary = `ping ${dstText(dst)} from ${from} on the kernel: ${pingLine(r)}`;
    // the state read back holds no IPv6: the engine cannot explain an IPv6 silence from it
    if (replied || typeof dst === 'bigint') return { replied, summary, why: [], rule: [] };
    const sim = this.onKernelState.reach(from, dst);
    if (sim.replied) return { replied, summary, why: ['the forwarding engine, on the state read back from the kernel, expects a reply here'], rule: [] };
    return { replied, summary, why: sim.why, rule: sim.rule };
  }

  /** `nc -z -v -w 1` (`-u` for UDP) on the kernel; the explanation is the engine's on the state read back. */
  private async nc(from: string, dst: Ip4, spec: PortSpec): Promise<PortReport> {
    const argv = ['nc', spec.proto === 'udp' ? '-zuv' : '-zv', '-w', '1', ip4ToString(dst), String(spec.port)];
    const r = await execIn(this.sb, from, argv, { timeoutMs: 15_000 });
    const answer = kernelPortAnswer(spec.proto, r.exit, r.stderr);
    const said = r.stderr.trim().split('\n')[0] ?? '';
    return { answer, summary: `${argv.join(' ')} from ${from} on the kernel: ${answer}${said ? ` (${said})` : ''}`, why: [] };
  }

  /** Pings with TTL 1, 2, …: each router on the way answers "Time to live exceeded". */
  private async trace(from: string, dst: Ip4): Promise<PathAnswer> {
    const path = [from];
    const owner = (a: Ip4) => this.owner(a);
    for (let ttl = 1; ttl <= 16; ttl++) {
      let r = await execIn(this.sb, from, ['ping', '-c', '1', '-W', '1', '-t', String(ttl), ip4ToString(dst)], { timeoutMs: 15_000 });
      // a router's ICMP errors are rate limited per destination: one more try after a pause
      if (r.exit !== 0 && pingLine(r) === 'no answer within 1 s') r = await execIn(this.sb, from, ['ping', '-c', '1', '-W', '1', '-t', String(ttl), ip4ToString(dst)], { timeoutMs: 15_000 });
      const line = pingLine(r);
      const exceeded = /^From (\S+) icmp_seq=\d+ Time to live exceeded/.exec(line);
      if (exceeded) {
        const ns = owner(parseIp4(exceeded[1]!) ?? 0) ?? exceeded[1]!;
        if (path[path.length - 1] !== ns) path.push(ns);
        continue;
      }
      if (r.exit === 0) {
        const ns = owner(dst) ?? ip4ToString(dst);
        if (path[path.length - 1] !== ns) path.push(ns);
        return { delivered: true, path, summary: `delivered: ${line}`, why: [] };
      }
      const from2 = /^From (\S+) /.exec(line);
      const at = from2 ? (owner(parseIp4(from2[1]!) ?? 0) ?? from2[1]!) : null;
      if (at && path[path.length - 1] !== at) path.push(at);
      const sim = this.onKernelState.path(from, dst);
      return { delivered: false, path, summary: `ping -t ${ttl}: ${line}`, why: sim.why };
    }
    return { delivered: false, path, summary: 'no answer within 16 hops', why: [] };
  }

  /** The namespace holding an address (the first, in lab order). */
  private owner(a: Ip4): string | null {
    for (const ns of this.model.namespaces()) for (const l of ns.linkList()) if (l.addrs.some((x) => x.local === a)) return ns.path;
    return null;
  }

  reach(from: string, dst: Ip4 | Ip6): ReachAnswer {
    return this.must(this.reaches.get(`${from} ${dst}`), 'reach');
  }

  port(from: string, dst: Ip4, spec: PortSpec): PortReport {
    return this.must(this.ports.get(portKey(from, dst, spec)), 'port');
  }

  endpoints(dst: Ip4, proto: 'tcp' | 'udp', port: number): DnatEndpoint[] {
    // read-back has no netfilter rules: the lab's own, as its scripts wrote them
    return dnatEndpoints(this.described, dst, proto, port);
  }

  path(from: string, dst: Ip4): PathAnswer {
    return this.must(this.paths.get(`${from} ${dst}`), 'path');
  }

  loops(): LoopReport[] {
    return this.must(this.loopList ?? undefined, 'loops');
  }

  blackholes(prefix: Prefix): BlackholeReport[] {
    return this.must(this.holes.get(`${prefix.addr}/${prefix.len}`), 'blackholes');
  }

  private must<T>(v: T | undefined, what: string): T {
    if (v === undefined) throw new Error(`RealProber: ${what} was not asked of the kernel beforehand`);
    return v;
  }
}

/**
 * Builds the lab on the kernel in a sandbox and checks its `expect` section there.
 *
 * @example
 * const r = await verifyLabReal(loadLabFile('examples/seed/verify.yaml'));
 * r.verdicts.map((v) => v.holds);
 */
export async function verifyLabReal(spec: LabSpec, opts: { engine?: ForwardingEngine } = {}): Promise<VerifyReport> {
  const t0 = performance.now();
  const kernel = spec.kernel ? KERNEL_PROFILES[spec.kernel] : undefined;
  const { lab } = runLabSim(spec, { kernel });
  const { intents, problems } = intentsFor(lab, parseIntents(spec.expect));
  if (problems.length || !intents.length) return report(spec.file, 'real', intents, problems, null, t0);
  const { Sandbox, sandboxKernelFor } = await import('./sandbox.js');
  const { wireLab } = await import('./real-lab.js');
  const { runScriptReal } = await import('./real-driver.js');
  const names = spec.hosts.map((h) => h.name);
  // one host alone still gets its own namespace, so its root differs from the machine room
  const sb = await Sandbox.open({ hosts: names.length === 1 ? [...names, '.infra'] : names, kernel: sandboxKernelFor(kernel) });
  try {
    await wireLab(sb, spec);
    for (const h of spec.hosts) {
      if (h.setup) await runScriptReal(h.setup.text, { file: h.setup.file, host: h.name, sandbox: sb, sandboxHost: h.name });
    }
    for (const r of spec.run) await runScriptReal(r.command, { file: spec.file, host: r.host, sandbox: sb, sandboxHost: r.host });
    const room = wiringPlan(spec).some((w) => w.kind !== 'cable');
    const model = await readBackModel(sb, lab.model, room);
    const prober = new RealProber(sb, model, opts.engine, lab.model);
    const qs = questionsOf(intents, prober);
    // a ping -6 waits for DAD to end, as a `ping -6` line does (src/exec/dad-wait.ts)
    if (qs.some((q) => q.q === 'reach' && typeof q.dst === 'bigint')) for (const h of names) await settle(sb, h, { dad: true });
    await prober.answer(qs);
    return report(spec.file, 'real', intents, [], prober, t0);
  } finally {
    await sb.close();
  }
}
