/**
 * Runs a script against the model: each invocation becomes Ops applied to the namespace it
 * names, or a rendering of the model, or a simulated ping.
 */
import type { Host } from '../model/host.js';
import type { Netns } from '../model/netns.js';
import { settleLinkwatch } from '../model/link.js';
import { runIp } from '../iproute2/ip.js';
import { runBridge } from '../iproute2/bridge.js';
import { runBrctl } from '../iproute2/brctl.js';
import { runSysctl } from '../commands/sysctl.js';
import { runPing } from '../commands/ping.js';
import { runSocat } from '../commands/socat.js';
import { settleJobs } from '../../sim/processes.js';
import { apply } from '../ops/apply.js';
import { OpError } from '../ops/errors.js';
import { isReadonlySysctl, readSysctl } from '../ops/apply-sysctl.js';
import type { Simulator } from '../../sim/simulator.js';
import type { CommandResult, DynamicNeighbour } from '../iproute2/types.js';
import { interpret, unsupported, type InterpretOptions, type Outcome } from './interpreter.js';
import { procPathToKey, type Invocation, type NetnsWrapper } from './invocation.js';
import { localOutcome, pingTarget } from './local.js';
import type { Step } from './step.js';

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

/** Runs a script on one host of the model; returns one Step per command. */
export function runScriptSim(host: Host, source: string, opts: SimDriverOptions): Step[] {
  const gen = interpret(source, opts);
  let r = gen.next();
  while (!r.done) {
    const line = opts.lineOf ? opts.lineOf(r.value.line) : r.value.line;
    const o = execSim(host, r.value.invocation, opts.sim, { line, command: r.value.command });
    r = gen.next(o);
  }
  return r.value;
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

function fromResult(r: CommandResult): Outcome {
  return { exit: r.exit, stdout: r.stdout, stderr: r.stderr, supported: !r.unsupported };
}

/**
 * Executes one invocation in the simulator, then lets background jobs settle and reports those
 * that ended (sim/processes.ts).
 */
export function execSim(host: Host, inv: Invocation, sim: Simulator, src: InvocationSource = { line: 0, command: '' }): Outcome {
  let o = execOne(host, inv, sim, src);
  // a line kept off the kernel is answered here only when the tool refuses it (kernel-argv.ts)
  if (inv.kind === 'program' && inv.offKernel && o.supported && o.exit === 0) o = unsupported(inv.offKernel);
  const jobs = settleJobs(sim);
  if (jobs.length) o.jobs = jobs;
  return o;
}

function execOne(host: Host, inv: Invocation, sim: Simulator, src: InvocationSource): Outcome {
  const local = localOutcome(inv);
  if (local) return local;
  if (inv.kind === 'sleep') {
    // linkwatch runs its batched events within a second
    if (inv.seconds >= 1) for (const ns of host.lab.namespaces()) settleLinkwatch(ns);
    sim.sleep(inv.seconds);
    return { exit: 0, stdout: '', stderr: '', supported: true };
  }
  if (inv.kind === 'echo' || inv.kind === 'noop' || inv.kind === 'set' || inv.kind === 'exit' || inv.kind === 'unsupported') {
    throw new Error('unreachable');
  }
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
  const root = host.root;
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
  const ctx = { ns, neighbours: (n: Netns) => learntNeighbours(sim, n) };
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
        const v = readSysctl(ns, procPathToKey(p));
        if (v === null) stderr += `cat: ${p}: No such file or directory\n`;
        else stdout += `${v}\n`;
      }
      return { exit: stderr ? 1 : 0, stdout, stderr, supported: true };
    }
    case 'program':
      switch (inv.program) {
        case 'ip':
          return fromResult(runIp(ctx, inv.argv));
        case 'bridge':
          return fromResult(runBridge(ctx, inv.argv));
        case 'brctl':
          return fromResult(runBrctl(ctx, inv.argv));
        case 'sysctl':
          return fromResult(runSysctl(ctx, inv.argv));
        case 'ping': {
          const r = runPing(ctx, inv.argv, sim);
          const o = fromResult(r);
          if (r.ping) o.ping = r.ping;
          else if (o.supported) o.ping = { from: ns.path, to: pingTarget(inv.argv), transmitted: 0, received: 0 };
          return o;
        }
        case 'socat':
          return fromResult(runSocat(ctx, inv.argv, sim, { host: ns.host.name, line: src?.line ?? 0, command: src?.command ?? '', background: inv.background }));
      }
  }
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
      out.push({ dev, ip: e.ip, lladdr: e.state === 'incomplete' || e.state === 'failed' ? null : e.mac, state: e.state });
    }
  }
  return out;
}
