/**
 * The simulator's executor: each request runs against the model — a program from the program
 * table (src/programs/table.ts) in the namespace its wrappers lead to, a kernel file read or
 * written, or a shell builtin — and then background jobs settle.
 */
import type { Host } from '../model/host.js';
import type { Link } from '../model/link.js';
import type { Netns } from '../model/netns.js';
import { multipathHashText } from '../model/route.js';
import { settleLinkwatch } from '../model/link.js';
import { MODELLED_SIGNALS, processTable, settleJobs } from '../../sim/processes.js';
import { learnedFdb } from '../../sim/bridge.js';
import { vxlanLearnedEntries } from '../../sim/vxlan.js';
import { settleDad } from '../../sim/ipv6/dad-settle.js';
import { waitsForDad } from '../exec/dad-wait.js';
import { apply } from '../ops/apply.js';
import { OpError } from '../ops/errors.js';
import { isReadonlySysctl, readSysctl } from '../ops/apply-sysctl.js';
import type { Simulator } from '../../sim/simulator.js';
import type { DynamicNeighbour } from '../iproute2/types.js';
import { interpret, type InterpretOptions } from '../shell/interpreter.js';
import { procPathToKey, type Invocation, type NetnsWrapper } from '../exec/invocation.js';
import { localOutcome, pingTarget } from '../exec/local.js';
import { drive, type Executor, type Request } from '../exec/executor.js';
import { notModelled, unsupported, type Outcome } from '../exec/outcome.js';
import { kernelOnlyProblem } from '../exec/kernel-only-argv.js';
import { ignoredBy } from './ignored-settings.js';
import type { Step } from '../exec/step.js';
import { SIM_PROGRAMS } from '../programs/table.js';
import type { ProgramResult } from '../programs/program.js';
import { runTextTool } from '../programs/text/index.js';
import { listNetdevs, readKernelFile } from '../programs/kernel-files/index.js';

export interface SimDriverOptions extends InterpretOptions {
  sim: Simulator;
  /** the line a command of this script has in its file, when the script is part of one (lab files) */
  lineOf?: (line: number) => number;
}

/** Where an invocation came from, for the background jobs it starts. */
export interface InvocationSource {
  line: number;
  command: string;
}

/**
 * Runs requests on one host of a simulated lab.
 *
 * @example
 * const steps = drive(interpret('ip link add br0 type bridge', { file: 'x.sh', host: 'h' }), new SimExecutor(host, sim));
 */
export class SimExecutor implements Executor {
  constructor(
    readonly host: Host,
    readonly sim: Simulator,
    private readonly lineOf?: (line: number) => number,
  ) {}

  exec(req: Request): Outcome {
    const line = this.lineOf ? this.lineOf(req.line) : req.line;
    return execSim(this.host, req.invocation, this.sim, { line, command: req.command });
  }
}

/** Runs a script on one host of the model; returns one Step per command. */
export function runScriptSim(host: Host, source: string, opts: SimDriverOptions): Step[] {
  return drive(interpret(source, opts), new SimExecutor(host, opts.sim, opts.lineOf));
}

/** The namespace the wrappers lead to, or the error the wrapper itself prints. */
function enter(host: Host, wrappers: NetnsWrapper[]): Netns | Outcome {
  let ns = host.root;
  for (const w of wrappers) {
    if (w.kind === 'netns-exec-all') continue;
    const target = host.namespaces.get(w.name);
    if (!target) {
      if (w.kind === 'netns-exec') return { exit: 255, stdout: '', stderr: `Cannot open network namespace "${w.name}": No such file or directory\n`, supported: true };
      return { exit: 1, stdout: '', stderr: `nsenter: cannot open ${w.path}: No such file or directory\n`, supported: true };
    }
    ns = target;
  }
  return ns;
}

function fromResult(r: ProgramResult): Outcome {
  const o: Outcome = { exit: r.exit, stdout: r.stdout, stderr: r.stderr, supported: !r.unsupported };
  if (r.ping) o.ping = r.ping;
  return o;
}

/**
 * Executes one invocation in the simulator, then lets background jobs settle and reports those
 * that ended (sim/processes.ts).
 */
export function execSim(host: Host, inv: Invocation, sim: Simulator, src: InvocationSource = { line: 0, command: '' }): Outcome {
  sim.hashedRoute = null;
  let o = execOne(host, inv, sim, src);
  // a packet took a hop of a multipath route by the kernel's flow hash: which hop is the kernel's secret
  if (sim.hashedRoute && o.supported) o = notModelled(multipathHashText(sim.hashedRoute));
  // a line kept off the kernel is answered here only when the tool refuses it (kernel-argv.ts)
  if (inv.kind === 'program' && inv.offKernel && o.supported && o.exit === 0) o = unsupported(inv.offKernel);
  else if (!o.supported && kernelMayRun(inv)) o.modelled = false;
  else if (o.supported && o.exit === 0) {
    const ignored = ignoredBy(inv);
    if (ignored.length) {
      o.modelled = 'partial';
      o.ignored = ignored;
    }
  }
  const jobs = settleJobs(sim);
  if (jobs.length) o.jobs = jobs;
  return o;
}

/**
 * Whether real mode runs this line on the kernel when the simulator does not model it: a line
 * of a catalogue program that passed its argv checks (kernel-argv.ts when classified; socat's
 * network-only check here, since the simulator's own socat decides first), or a kernel file
 * the model does not hold.
 */
export function kernelMayRun(inv: Invocation): boolean {
  if (inv.kind === 'proc-read' || inv.kind === 'proc-write') return inv.notModelled !== undefined;
  if (inv.kind !== 'program' || inv.offKernel) return false;
  return inv.program !== 'socat' || kernelOnlyProblem('socat', inv.argv) === null;
}

function execOne(host: Host, inv: Invocation, sim: Simulator, src: InvocationSource): Outcome {
  const local = localOutcome(inv);
  if (local) return local;
  if ((inv.kind === 'proc-read' || inv.kind === 'proc-write') && inv.notModelled) return notModelled(inv.notModelled);
  if (inv.kind === 'sleep') {
    // linkwatch runs its batched events within a second
    if (inv.seconds >= 1) for (const ns of host.lab.namespaces()) settleLinkwatch(ns);
    sim.sleep(inv.seconds);
    return { exit: 0, stdout: '', stderr: '', supported: true };
  }
  if (inv.kind === 'job-signal') return signalJob(sim, inv.job, inv.signal);
  if (inv.kind === 'noop' || inv.kind === 'unsupported') throw new Error('unreachable');
  if (inv.kind === 'text' && inv.wrappers.length === 0) return runTextTool(inv.tool, inv.argv, inv.stdin, inv.files);
  if (inv.wrappers.some((w) => w.kind === 'netns-exec-all')) return execAll(host, inv, sim);
  if (inv.kind === 'proc-write' && inv.redirect) return redirectWrite(host, inv);
  const ns = enter(host, inv.wrappers);
  if (!('host' in ns)) return ns;
  return execIn(ns, inv, sim, src);
}

/**
 * `ip -all netns exec CMD` (netns_foreach): CMD in every named namespace in `ip netns list`
 * order (readdir of /run/netns: the newest first), each run announced on stdout; ip's own
 * status is 0 whatever the commands return.
 */
function execAll(host: Host, inv: Extract<Invocation, { wrappers: NetnsWrapper[] }>, sim: Simulator): Outcome {
  const out: Outcome = { exit: 0, stdout: '', stderr: '', supported: true };
  for (const ns of [...host.namespaces.values()].reverse()) {
    out.stdout += `\nnetns: ${ns.name}\n`;
    const o = execIn(ns, inv, sim);
    out.stdout += o.stdout;
    out.stderr += o.stderr;
    if (!o.supported) return o;
  }
  return out;
}

/**
 * `[ip netns exec NS] echo V > /proc/sys/…`: the shell opens the file before it runs the
 * command, in its own namespace (the host's root), so the value lands there even when echo
 * runs elsewhere; a file that cannot be opened stops the command from running at all.
 */
function redirectWrite(host: Host, inv: Extract<Invocation, { kind: 'proc-write' }>): Outcome {
  const key = procPathToKey(inv.path);
  // the shell's own namespace: the host's, or the one a `bash -c` runs in
  const shellNs = enter(host, inv.shellWrappers ?? []);
  if (!('host' in shellNs)) return shellNs;
  const root = shellNs;
  const fail = (why: string): Outcome => ({ exit: 1, stdout: '', stderr: `bash: ${inv.path}: ${why}\n`, supported: true });
  if (readSysctl(root, key) === null) return fail('No such file or directory');
  if (isReadonlySysctl(key)) return fail('Permission denied');
  const ns = enter(host, inv.wrappers);
  if (!('host' in ns)) return ns;
  try {
    apply({ ns: root }, { op: 'sysctl.set', key, value: inv.value });
    return { exit: 0, stdout: '', stderr: '', supported: true };
  } catch (e) {
    if (!(e instanceof OpError)) throw e;
    // bash's builtin echo in the shell itself; /bin/echo once wrapped in a namespace
    const who = inv.wrappers.length ? 'echo' : 'bash: echo';
    return { exit: 1, stdout: '', stderr: `${who}: write error: Invalid argument\n`, supported: true };
  }
}

/** Executes one invocation in the namespace its wrappers led to. */
function execIn(ns: Netns, inv: Extract<Invocation, { wrappers: NetnsWrapper[] }>, sim: Simulator, src?: InvocationSource): Outcome {
  // any live background process may be in the namespace asked about: its pids are not modelled
  const ctx = {
    ns,
    neighbours: (n: Netns) => learntNeighbours(sim, n),
    nowUs: () => sim.now,
    processesIn: () => processTable(sim).anyAlive,
    learnedFdb: (br: Link) => learnedFdb(sim, br),
    linkStats: (l: Link) => sim.counters.stats(l),
    vxlanLearned: (dev: Link) => vxlanLearnedEntries(sim, dev),
  };
  switch (inv.kind) {
    case 'proc-write': {
      // `echo V | tee FILE`: tee opens and writes the file where it runs
      try {
        apply(ctx, { op: 'sysctl.set', key: procPathToKey(inv.path), value: inv.value });
        return { exit: 0, stdout: inv.echoed, stderr: '', supported: true };
      } catch (e) {
        if (!(e instanceof OpError)) throw e;
        const why = e.reason === 'no-key' ? 'No such file or directory' : e.reason === 'readonly' ? 'Permission denied' : 'Invalid argument';
        return { exit: 1, stdout: inv.echoed, stderr: `tee: ${inv.path}: ${why}\n`, supported: true };
      }
    }
    case 'proc-read': {
      let stdout = '';
      let stderr = '';
      for (const p of inv.paths) {
        if (p.startsWith('/proc/sys/')) {
          const v = readSysctl(ns, procPathToKey(p));
          if (v === null) stderr += `cat: ${p}: No such file or directory\n`;
          else stdout += `${v}\n`;
          continue;
        }
        const f = readKernelFile(
          ns,
          p,
          () => learntNeighbours(sim, ns),
          (l) => sim.counters.stats(l),
        );
        if (f === null) return unsupported(`cat of ${p}`);
        if ('error' in f) stderr += `cat: ${p}: ${f.error}\n`;
        else stdout += f.text;
      }
      return { exit: stderr ? 1 : 0, stdout, stderr, supported: true };
    }
    case 'netdev-list':
      return { exit: 0, stdout: listNetdevs(ns), stderr: '', supported: true };
    case 'netns-dir-list':
      return listNetnsDir(ns);
    case 'text':
      return runTextTool(inv.tool, inv.argv, inv.stdin, inv.files);
    case 'program': {
      // the kernel's driver waits for DAD before these; the simulator runs its clock to it
      if (waitsForDad(inv.program, inv.argv)) settleDad(sim, ns.host.allNamespaces());
      const source = { host: ns.host.name, line: src?.line ?? 0, command: src?.command ?? '', background: inv.background };
      const run = SIM_PROGRAMS[inv.program];
      if (!run) return notModelled(`${inv.program} is not modelled`);
      const table = processTable(sim);
      const before = table.list.length;
      const o = fromResult(run(inv.stdin !== undefined ? { ...ctx, sim, source, stdin: inv.stdin } : { ...ctx, sim, source }, inv.argv));
      // `cmd &` that started a process: its id is the job's handle (`kill %1`, `wait $!`)
      if (inv.background && table.list.length > before) o.job = table.list[before]!.pid;
      if ((inv.program === 'ping' || inv.program === 'ping6') && !o.ping && o.supported) o.ping = { from: ns.path, to: pingTarget(inv.argv), transmitted: 0, received: 0 };
      return o;
    }
  }
}

/**
 * `kill -SIG` of a background job: the process takes the signal as its program does (exit 0:
 * delivered, or it had ended already and bash's kill of a dead job succeeds too).
 */
function signalJob(sim: Simulator, job: number, signo: number): Outcome {
  const p = processTable(sim).byPid(job);
  if (!p) throw new Error(`no background process ${job}`);
  if (!MODELLED_SIGNALS.has(signo) || !p.signal(sim, signo)) return unsupported(`kill -${signo} of \`${p.command}\` (how it takes that signal is not modelled)`);
  return { exit: 0, stdout: '', stderr: '', supported: true };
}

/**
 * `ls /var/run/netns`: the named namespaces' files, in ls's order (C locale: by bytes). The
 * folder is there from the start, empty, as in the sandbox real mode runs in (a machine that never
 * ran `ip netns add` lacks it: that is the machine's, not the kernel's).
 */
function listNetnsDir(ns: Netns): Outcome {
  const names = [...ns.host.namespaces.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { exit: 0, stdout: names.map((n) => `${n}\n`).join(''), stderr: '', supported: true };
}

/** The simulator's ARP entries of a namespace, as `ip neigh` lists them. */
function learntNeighbours(sim: Simulator, ns: Netns): DynamicNeighbour[] {
  sim.sync();
  const out: DynamicNeighbour[] = [];
  const st = sim.state(ns);
  for (const [dev, table] of st.neigh) {
    if (dev.ns !== ns) continue;
    for (const e of table.values()) {
      if (e.dead || e.state === 'none') continue;
      const cache = { usedUs: sim.now - e.used, confirmedUs: sim.now - e.confirmed, updatedUs: sim.now - e.updated, probes: e.probes };
      out.push({ dev, ip: e.ip, lladdr: e.state === 'incomplete' || e.state === 'failed' ? null : e.mac, state: e.state, router: e.router, cache });
    }
  }
  return out;
}
