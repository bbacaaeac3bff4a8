/**
 * Runs a script against the model: each invocation becomes Ops applied to the namespace it
 * names, or a rendering of the model, or a simulated ping.
 */
import type { Host } from '../model/host.js';
import type { Netns } from '../model/netns.js';
import { runIp } from '../iproute2/ip.js';
import { runBridge } from '../iproute2/bridge.js';
import { runBrctl } from '../iproute2/brctl.js';
import { runSysctl } from '../commands/sysctl.js';
import { runPing } from '../commands/ping.js';
import { apply } from '../ops/apply.js';
import { OpError } from '../ops/errors.js';
import { readSysctl } from '../ops/apply-sysctl.js';
import type { Simulator } from '../../sim/simulator.js';
import type { CommandResult } from '../iproute2/types.js';
import { interpret, type InterpretOptions, type Outcome } from './interpreter.js';
import { procPathToKey, type Invocation, type NetnsWrapper } from './invocation.js';
import { localOutcome, pingTarget } from './local.js';
import type { Step } from './step.js';

export interface SimDriverOptions extends InterpretOptions {
  sim: Simulator;
}

/** Runs a script on one host of the model; returns one Step per command. */
export function runScriptSim(host: Host, source: string, opts: SimDriverOptions): Step[] {
  const gen = interpret(source, opts);
  let r = gen.next();
  while (!r.done) {
    const o = execSim(host, r.value.invocation, opts.sim);
    r = gen.next(o);
  }
  return r.value;
}

/** The namespace the wrappers lead to, or the error the wrapper itself prints. */
function enter(host: Host, wrappers: NetnsWrapper[]): Netns | Outcome {
  let ns = host.root;
  for (const w of wrappers) {
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

/** Executes one invocation in the simulator. */
export function execSim(host: Host, inv: Invocation, sim: Simulator): Outcome {
  const local = localOutcome(inv);
  if (local) return local;
  if (inv.kind === 'sleep') {
    sim.sleep(inv.seconds);
    return { exit: 0, stdout: '', stderr: '', supported: true };
  }
  if (inv.kind === 'echo' || inv.kind === 'noop' || inv.kind === 'set' || inv.kind === 'exit' || inv.kind === 'unsupported') {
    throw new Error('unreachable');
  }
  const ns = enter(host, inv.wrappers);
  if (!('host' in ns)) return ns;
  const ctx = { ns };
  switch (inv.kind) {
    case 'proc-write': {
      try {
        apply(ctx, { op: 'sysctl.set', key: procPathToKey(inv.path), value: inv.value });
        return { exit: 0, stdout: inv.echoed, stderr: '', supported: true };
      } catch (e) {
        if (!(e instanceof OpError)) throw e;
        const tee = inv.echoed !== '';
        const why = e.reason === 'no-key' ? 'No such file or directory' : 'Invalid argument';
        return {
          exit: 1,
          stdout: inv.echoed,
          stderr: tee ? `tee: ${inv.path}: ${why}\n` : `bash: ${e.reason === 'no-key' ? inv.path + ': ' + why : 'echo: write error: ' + why}\n`,
          supported: true,
        };
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
          return { exit: 127, stdout: '', stderr: 'nettwin: unsupported: socat\n', supported: false };
      }
  }
}
