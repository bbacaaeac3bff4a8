/**
 * Runs a script on the real kernel inside a sandbox: the same interpreter as the simulator,
 * but each invocation becomes an argv (never a shell string) executed in the host's namespace.
 * A line of a known network program that the simulator does not model still runs on the
 * kernel once its argv passed the checks (kernel-argv.ts, kernel-only-argv.ts), and its step
 * carries the kernel's answer with `supported: false, modelled: false`; from that line on the
 * simulator beside the kernel no longer knows the kernel's state, so speculation stops. Every
 * other line the model does not cover is reported and skipped in both modes.
 */
import { interpret, type InterpretOptions } from '../../src/shell/interpreter.js';
import { unsupported, type Outcome } from '../../src/exec/outcome.js';
import { driveAsync, type AsyncExecutor, type Request } from '../../src/exec/executor.js';
import type { Invocation } from '../../src/exec/invocation.js';
import { localOutcome, pingCounts, pingTarget } from '../../src/exec/local.js';
import type { Step } from '../../src/exec/step.js';
import type { Sandbox } from './sandbox.js';
import type { Host } from '../../src/model/host.js';
import type { Simulator } from '../../sim/simulator.js';
import { execSim, kernelMayRun } from '../../src/twin/sim-executor.js';
import { SIM_PROGRAMS } from '../../src/programs/table.js';
import { addRealJob, signalRealJob } from './real-jobs.js';
import { readsState, settle } from './settle.js';
import { waitsForDad } from '../../src/exec/dad-wait.js';
import { noteChange } from './settle-scope.js';
import { CATALOGUE, type Feature, type Program } from '../../src/exec/catalogue.js';
import { settleRealJobs } from './real-jobs.js';
import { execSocatReal } from './real-socat.js';
import { execListenReal } from './real-listen.js';
import { realArgvProblem } from './guard.js';
import { kernelOnlyProblem } from '../../src/exec/kernel-only-argv.js';
import { checkKernelPath, refusal } from '../../src/model/kernel-path.js';
import { deferrable, Speculation, type Deferred } from './speculation.js';
import { queuedRead, settledHost, STAND_IN, STAND_INS } from './speculative-reads.js';
import { hasPendingJobs } from './real-jobs.js';
import { runTextTool } from '../../src/programs/text/index.js';

export interface RealDriverOptions extends InterpretOptions {
  /** the sandbox, or its opening (the script is interpreted meanwhile; nothing waits for it before the kernel is needed) */
  sandbox: Sandbox | Promise<Sandbox>;
  /** the sandbox host that plays this script's host */
  sandboxHost: string;
  /** the line a command of this script has in its file, when the script is part of one (lab files) */
  lineOf?: (line: number) => number;
  /**
   * The same script in the simulator, step by step beside the kernel: a line the model does not
   * cover there is reported unsupported here too and never run, so both modes skip the same
   * lines and keep the same state.
   */
  shadow?: { host: Host; sim: Simulator };
  /**
   * Queue commands that only write state and run them in batches, in parallel across
   * namespaces, checked against the shadow's predictions (speculation.ts). Needs `shadow`; the
   * caller must catch SpeculationMiss and run the script again in a fresh sandbox without it.
   */
  speculate?: boolean;
  /** called after each command: its line, and the script's last line */
  onProgress?: (line: number, lines: number) => void;
  /** called before a command that makes traffic (ping, socat) runs: `--real --pcap` starts its captures (real-pcap.ts) */
  beforeTraffic?: (sb: Sandbox) => Promise<void>;
}

/**
 * The kernel's executor: each request runs in the sandbox as argv (never through a shell), with
 * the simulator beside it as a shadow that decides what is modelled and, when speculating,
 * predicts what write-only commands answer so they can run later in checked batches.
 */
export class KernelExecutor implements AsyncExecutor {
  private sb: Sandbox | null;
  private readonly opening: Promise<Sandbox>;
  private spec: Speculation | null;

  constructor(private readonly opts: RealDriverOptions) {
    this.sb = opts.sandbox instanceof Promise ? null : opts.sandbox;
    this.opening = Promise.resolve(opts.sandbox);
    this.spec = opts.speculate && opts.shadow ? new Speculation(() => this.ready()) : null;
  }

  /** changes noted before the sandbox was open (settle-scope.ts) */
  private marks: Array<[string, string | null | 'all']> = [];

  private async ready(): Promise<Sandbox> {
    const sb = (this.sb ??= await this.opening);
    for (const [host, ns] of this.marks.splice(0)) noteChange(sb, host, ns);
    return sb;
  }

  /** Notes what a line may have changed on the kernel, so the next read's settle waits for just that. */
  private note(host: string, ns: string | null | 'all'): void {
    if (this.sb) noteChange(this.sb, host, ns);
    else this.marks.push([host, ns]);
  }

  async exec(req: Request): Promise<Outcome> {
    const { opts, spec, sb } = this;
    const inv = req.invocation;
    const line = opts.lineOf ? opts.lineOf(req.line) : req.line;
    const src = { line, command: req.command };
    const lab = opts.shadow?.host.lab;
    const before = lab?.version ?? 0;
    // a job is known to the shell by the kernel run's handle; the shadow knows it by its own
    const shadowInv = inv.kind === 'job-signal' ? this.shadowJob(inv) : inv;
    const shadow = opts.shadow && shadowInv ? execSim(opts.shadow.host, shadowInv, opts.shadow.sim, src) : null;
    let o: Outcome;
    // a text tool runs in-process, the same function as in the simulator (never the machine's own)
    if (inv.kind === 'text' && inv.wrappers.length === 0) {
      o = shadow ? { ...shadow } : runTextTool(inv.tool, inv.argv, inv.stdin, inv.files);
      delete o.jobs;
    } else if (shadow ? shadow.modelled === false && kernelMayRun(inv) : notModelledAlone(inv)) {
      // the kernel answers what the simulator cannot: queued commands first, and no
      // speculation from here on (the shadow no longer knows the kernel's state)
      if (spec) {
        await spec.flush();
        this.spec = null;
      }
      o = await execKernelOnly(await this.ready(), opts.sandboxHost, opts.host, inv, src);
      // the simulator does not know what it changed: anything, unless its program never changes links or addresses
      if (!(inv.kind === 'program' && LEAVES_LINKS.has(CATALOGUE[inv.program as Program]?.feature))) this.note(opts.sandboxHost, 'all');
    } else if (shadow && !shadow.supported) o = { exit: shadow.exit, stdout: shadow.stdout, stderr: shadow.stderr, supported: false };
    else if (inv.kind === 'program' && inv.offKernel) {
      // never run (kernel-argv.ts): the tool's refusal, as the simulator words it (checked against the tools in test/security)
      o = shadow ? { ...shadow } : unsupported(inv.offKernel);
      delete o.jobs;
    } else {
      const quiet = spec && shadow && !shadow.jobs && !(sb && hasPendingJobs(sb));
      const r =
        quiet && req.shown && sb && inv.kind === 'program' && settledHost(sb, opts.sandboxHost, waitsForDad(inv.program, inv.argv))
          ? queuedRead(opts.sandboxHost, inv, shadow!, req.command, this.reads)
          : null;
      const d = r ?? (quiet ? queued(opts.sandboxHost, inv, shadow!, req.command) : null);
      if (d) {
        spec!.add(d);
        o = { exit: shadow!.exit, stdout: r ? r.token : shadow!.stdout, stderr: shadow!.stderr, supported: true };
      } else {
        if (spec && !localOutcome(inv)) await spec.flush();
        if (opts.beforeTraffic && inv.kind === 'program' && (inv.program === 'ping' || inv.program === 'socat' || inv.program === 'arping')) await opts.beforeTraffic(await this.ready());
        o = await execReal(await this.ready(), opts.sandboxHost, opts.host, inv, src);
      }
      const changed = lab ? lab.nsChanges.since(before, lab.version) : null;
      if (!changed) {
        if (!localOutcome(inv)) this.note(opts.sandboxHost, 'all');
      } else for (const ns of changed) this.note(ns.host.name === opts.host ? opts.sandboxHost : ns.host.name, ns.name);
      // what the simulator keeps and ignores is the same whoever answered
      if (shadow?.modelled === 'partial' && o.supported && o.exit === 0) {
        o.modelled = 'partial';
        o.ignored = shadow.ignored;
      }
    }
    if (o.job !== undefined && shadow?.job !== undefined) this.shadowJobs.set(o.job, shadow.job);
    const jobs = this.sb ? await settleRealJobs(this.sb) : [];
    if (jobs.length) o.jobs = jobs;
    return o;
  }

  /** the shadow's process for each job the kernel run started (kernel handle → shadow handle) */
  private readonly shadowJobs = new Map<number, number>();

  /**
   * `kill` of a job, for the shadow: its own handle of the job, or null for a job only the
   * kernel runs (a line the simulator does not model): the shadow then has nothing to signal.
   */
  private shadowJob(inv: Extract<Invocation, { kind: 'job-signal' }>): Invocation | null {
    const mine = this.shadowJobs.get(inv.job);
    return mine === undefined ? null : { ...inv, job: mine };
  }

  /** Waits for every queued command to have run on the kernel (a miss throws SpeculationMiss). */
  async finish(): Promise<void> {
    if (this.spec) await this.spec.flush();
  }

  /** the kernel's texts of queued reads, by their stand-ins in the steps (speculative-reads.ts) */
  private readonly reads = new Map<string, string>();

  /** Puts the kernel's text of each queued read where its stand-in is (after finish). */
  fillReads(steps: Step[]): Step[] {
    if (this.reads.size === 0) return steps;
    for (const s of steps) {
      if (s.stdout.includes(STAND_IN)) s.stdout = s.stdout.replace(STAND_INS, (m) => this.reads.get(m) ?? m);
    }
    return steps;
  }
}

/**
 * Runs a script on the kernel in a sandbox the caller opened (and closes), as host `sandboxHost`.
 *
 * @example
 * const sandbox = await Sandbox.open({ hosts: ['host'] });
 * try {
 *   const steps = await runScriptReal('ip link add br0 type bridge', { file: 'x.sh', host: 'host', sandbox, sandboxHost: 'host' });
 * } finally {
 *   await sandbox.close();
 * }
 */
export async function runScriptReal(source: string, opts: RealDriverOptions): Promise<Step[]> {
  const executor = new KernelExecutor(opts);
  const lines = source.split('\n').length;
  const steps = await driveAsync(interpret(source, opts), {
    exec: (req) => {
      opts.onProgress?.(req.line, lines);
      return executor.exec(req);
    },
  });
  await executor.finish();
  return executor.fillReads(steps);
}

/** The queued form of an invocation the kernel may run later (see speculation.ts), or null. */
function queued(sbHost: string, inv: Invocation, shadow: Outcome, command: string): Deferred | null {
  if (inv.kind !== 'program' || inv.background || inv.stdin !== undefined || realArgvProblem(inv.program, inv.argv)) return null;
  if (inv.wrappers.length > 1) return null;
  const w = inv.wrappers[0];
  const wrapperNs = w === undefined ? undefined : w.kind === 'netns-exec' ? w.name : null;
  return deferrable(sbHost, inv.program, inv.argv, w ? w.argv : [], wrapperNs, { exit: shadow.exit, stdout: shadow.stdout, stderr: shadow.stderr }, command);
}

/** The namespace path a ping ran from, as the simulator names it. */
function fromPath(host: string, inv: Extract<Invocation, { wrappers: unknown }>): string {
  const last = inv.wrappers[inv.wrappers.length - 1];
  return last && last.kind !== 'netns-exec-all' ? `${host}/${last.name}` : host;
}

/**
 * `[ip netns exec NS] echo V > FILE` as bash runs it: the shell opens FILE in its own namespace
 * (the host's) before it runs the command, and says so if it cannot; then the wrapped echo
 * writes there. Without a shell to do it, the file is checked first, then the wrappers (with
 * `true` in place of echo), then the value goes in with `tee` in the host's namespace.
 */
async function redirectWrite(sb: Sandbox, sbHost: string, inv: Extract<Invocation, { kind: 'proc-write' }>): Promise<Outcome> {
  const fail = (why: string): Outcome => ({ exit: 1, stdout: '', stderr: `bash: ${inv.path}: ${why}\n`, supported: true });
  // the shell opens the file in its own namespace: the host's, or the one a `bash -c` runs in
  const shell = (inv.shellWrappers ?? []).flatMap((w) => w.argv);
  if (shell.length) {
    const r = await sb.exec(sbHost, [...shell, 'true']);
    if (r.exit !== 0) return { exit: r.exit, stdout: r.stdout, stderr: r.stderr, supported: true };
  }
  if ((await sb.exec(sbHost, [...shell, 'test', '-e', inv.path])).exit !== 0) return fail('No such file or directory');
  if ((await sb.exec(sbHost, [...shell, 'test', '-w', inv.path])).exit !== 0) return fail('Permission denied');
  if (inv.wrappers.length) {
    const r = await sb.exec(sbHost, [...inv.wrappers.flatMap((w) => w.argv), 'true']);
    if (r.exit !== 0) return { exit: r.exit, stdout: r.stdout, stderr: r.stderr, supported: true };
  }
  const r = await sb.exec(sbHost, [...shell, 'tee', inv.path], { input: `${inv.value}\n` });
  if (r.exit === 0) return { exit: 0, stdout: '', stderr: '', supported: true };
  // the write itself was refused (EINVAL): bash's builtin echo says so, or /bin/echo when wrapped
  const who = inv.wrappers.length ? 'echo' : 'bash: echo';
  return { exit: 1, stdout: '', stderr: `${who}: write error: Invalid argument\n`, supported: true };
}

/** The refusal of the first path that is not a sysctl file (or, for reading, a /sys/class/net or /proc/net file) the path check allows, or null. */
function procRefusal(paths: string[], reading = false): Outcome | null {
  for (const p of paths) {
    const c = checkKernelPath(p);
    if (!c.ok) return unsupported(refusal(p, c.why));
    if (c.file.kind !== 'sysctl' && !(reading && (c.file.kind === 'sysfs-net' || c.file.kind === 'proc-net'))) return unsupported(`${p} is not a sysctl file`);
  }
  return null;
}

export async function execReal(sb: Sandbox, sbHost: string, host: string, inv: Invocation, src: { line: number; command: string } = { line: 0, command: '' }): Promise<Outcome> {
  const local = localOutcome(inv);
  if (local) return local;
  switch (inv.kind) {
    case 'sleep':
      await new Promise((res) => setTimeout(res, inv.seconds * 1000));
      return { exit: 0, stdout: '', stderr: '', supported: true };
    case 'proc-write': {
      // classification checked the path; asked again right before argv (defense in depth)
      const refused = procRefusal([inv.path], inv.notModelled !== undefined);
      if (refused) return refused;
      if (inv.redirect) return redirectWrite(sb, sbHost, inv);
      const prefix = inv.wrappers.flatMap((w) => w.argv);
      const r = await sb.exec(sbHost, [...prefix, 'tee', inv.path], { input: `${inv.value}\n` });
      return { exit: r.exit, stdout: inv.echoed, stderr: r.stderr, supported: true };
    }
    case 'proc-read': {
      const refused = procRefusal(inv.paths, true);
      if (refused) return refused;
      const prefix = inv.wrappers.flatMap((w) => w.argv);
      if (inv.paths.some((p) => !p.startsWith('/proc/sys/'))) await settle(sb, sbHost, { dad: false });
      const r = await sb.exec(sbHost, [...prefix, 'cat', ...inv.paths]);
      return { exit: r.exit, stdout: r.stdout, stderr: r.stderr, supported: true };
    }
    case 'job-signal': {
      await signalRealJob(sb, inv.job, inv.signal);
      return { exit: 0, stdout: '', stderr: '', supported: true };
    }
    case 'netns-dir-list': {
      // the path is one of the two the classifier names (/run/netns, /var/run/netns)
      const r = await sb.exec(sbHost, [...inv.wrappers.flatMap((w) => w.argv), 'ls', inv.path]);
      return { exit: r.exit, stdout: r.stdout, stderr: r.stderr, supported: true };
    }
    case 'netdev-list': {
      const r = await sb.exec(sbHost, [...inv.wrappers.flatMap((w) => w.argv), 'ls', '/sys/class/net']);
      return { exit: r.exit, stdout: r.stdout, stderr: r.stderr, supported: true };
    }
    case 'text': {
      // wrapped in a namespace: the wrapper's own errors first (a missing namespace), then the tool in-process
      const r = await sb.exec(sbHost, [...inv.wrappers.flatMap((w) => w.argv), 'true']);
      if (r.exit !== 0) return { exit: r.exit, stdout: r.stdout, stderr: r.stderr, supported: true };
      return runTextTool(inv.tool, inv.argv, inv.stdin, inv.files);
    }
    case 'program': {
      const argv = [...inv.wrappers.flatMap((w) => w.argv), inv.program, ...inv.argv];
      if (inv.program === 'socat') return execSocatReal(sb, sbHost, inv, { host, ...src });
      if (inv.background && (inv.program === 'nc' || inv.program === 'python3') && !realArgvProblem(inv.program, inv.argv)) return execListenReal(sb, sbHost, inv, { host, ...src });
      // the sandbox isolates the network, not files or global sysctls: some lines never run
      const refused = realArgvProblem(inv.program, inv.argv, inv.stdin);
      if (refused) return { exit: 127, stdout: '', stderr: `nettwin: unsupported: ${refused}\n`, supported: false };
      if (readsState(inv.program, inv.argv) || waitsForDad(inv.program, inv.argv)) await settle(sb, sbHost, { dad: waitsForDad(inv.program, inv.argv) });
      const r = await sb.exec(sbHost, argv, inv.stdin !== undefined ? { input: inv.stdin } : undefined);
      const o: Outcome = { exit: r.exit, stdout: r.stdout, stderr: r.stderr, supported: true };
      if (inv.program === 'ping' || inv.program === 'ping6') o.ping = { from: fromPath(host, inv), to: pingTarget(inv.argv), ...pingCounts(r.stdout) };
      return o;
    }
    default:
      throw new Error(`unhandled invocation ${inv.kind}`);
  }
}

export type { Step };

/** Features whose programs never change a link or an address (nothing for settle.ts to wait for after them). */
const LEAVES_LINKS: ReadonlySet<Feature | undefined> = new Set<Feature>(['netfilter', 'probes', 'l4', 'ping', 'socat', 'clock']);

/** How long a not-modelled line may run on the kernel in the foreground before it is ended. */
export const KERNEL_ONLY_LIMIT_MS = 10_000;

/** Without a shadow: a program the simulator has no entry for, or a kernel file it does not hold. */
function notModelledAlone(inv: Invocation): boolean {
  if (inv.kind === 'proc-read' || inv.kind === 'proc-write') return inv.notModelled !== undefined;
  return inv.kind === 'program' && !inv.offKernel && !SIM_PROGRAMS[inv.program];
}

/**
 * A line the simulator does not model, run on the kernel: as argv, inside the sandbox, after
 * the same checks as any line (asked again here); its answer is the kernel's. A background
 * line (`nc -l 8080 &`) becomes a job of the sandbox, reported when it ends; a foreground one
 * that is still running after KERNEL_ONLY_LIMIT_MS is ended and says so.
 */
async function execKernelOnly(sb: Sandbox, sbHost: string, host: string, inv: Invocation, src: { line: number; command: string }): Promise<Outcome> {
  const mark = (o: Outcome): Outcome => (o.supported ? { ...o, supported: false, modelled: false, answeredBy: 'kernel' } : o);
  if (inv.kind !== 'program') return mark(await execReal(sb, sbHost, host, inv, src));
  const refused = realArgvProblem(inv.program, inv.argv, inv.stdin) ?? (inv.program === 'socat' ? kernelOnlyProblem('socat', inv.argv) : null);
  if (refused) return unsupported(refused);
  const argv = [...inv.wrappers.flatMap((w) => w.argv), inv.program, ...inv.argv];
  if (inv.background) {
    const { id } = await sb.spawnBackground(sbHost, argv);
    addRealJob(sb, { id, host, line: src.line, command: src.command });
    return mark({ exit: 0, stdout: '', stderr: '', supported: true, job: id });
  }
  await settle(sb, sbHost, { dad: true });
  const r = await sb.exec(sbHost, argv, inv.stdin !== undefined ? { timeoutMs: KERNEL_ONLY_LIMIT_MS, input: inv.stdin } : { timeoutMs: KERNEL_ONLY_LIMIT_MS });
  const o: Outcome = { exit: r.exit, stdout: r.stdout, stderr: r.stderr, supported: true };
  if (r.timedOut) o.stderr += `nettwin: still running after ${KERNEL_ONLY_LIMIT_MS / 1000} s: ended\n`;
  if (inv.program === 'ping' || inv.program === 'ping6') o.ping = { from: fromPath(host, inv), to: pingTarget(inv.argv), ...pingCounts(r.stdout) };
  return mark(o);
}
