/**
 * Runs a script on the real kernel inside a sandbox: the same interpreter as the simulator,
 * but each modelled invocation becomes an argv (never a shell string) executed in the host's
 * namespace. Lines the model does not cover are reported and skipped in both modes.
 */
import { interpret, type InterpretOptions, type Outcome } from '../../src/script/interpreter.js';
import type { Invocation } from '../../src/script/invocation.js';
import { localOutcome, pingCounts, pingTarget } from '../../src/script/local.js';
import type { Step } from '../../src/script/step.js';
import type { Sandbox } from './sandbox.js';
import { readsState, settle } from './settle.js';

export interface RealDriverOptions extends InterpretOptions {
  sandbox: Sandbox;
  /** the sandbox host that plays this script's host */
  sandboxHost: string;
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
  const gen = interpret(source, opts);
  let r = gen.next();
  while (!r.done) {
    const o = await execReal(opts.sandbox, opts.sandboxHost, opts.host, r.value.invocation);
    r = gen.next(o);
  }
  return r.value;
}

/** The namespace path a ping ran from, as the simulator names it. */
function fromPath(host: string, inv: Extract<Invocation, { wrappers: unknown }>): string {
  const last = inv.wrappers[inv.wrappers.length - 1];
  return last ? `${host}/${last.name}` : host;
}

export async function execReal(sb: Sandbox, sbHost: string, host: string, inv: Invocation): Promise<Outcome> {
  const local = localOutcome(inv);
  if (local) return local;
  switch (inv.kind) {
    case 'sleep':
      await new Promise((res) => setTimeout(res, inv.seconds * 1000));
      return { exit: 0, stdout: '', stderr: '', supported: true };
    case 'proc-write': {
      const prefix = inv.wrappers.flatMap((w) => w.argv);
      const r = await sb.exec(sbHost, [...prefix, 'tee', inv.path], { input: inv.value + '\n' });
      return { exit: r.exit, stdout: inv.echoed, stderr: r.stderr, supported: true };
    }
    case 'proc-read': {
      const prefix = inv.wrappers.flatMap((w) => w.argv);
      const r = await sb.exec(sbHost, [...prefix, 'cat', ...inv.paths]);
      return { exit: r.exit, stdout: r.stdout, stderr: r.stderr, supported: true };
    }
    case 'program': {
      const argv = [...inv.wrappers.flatMap((w) => w.argv), inv.program, ...inv.argv];
      if (inv.program === 'socat') {
        return { exit: 127, stdout: '', stderr: 'nettwin: unsupported: socat\n', supported: false };
      }
      if (readsState(inv.program, inv.argv)) await settle(sb, sbHost);
      const r = await sb.exec(sbHost, argv);
      const o: Outcome = { exit: r.exit, stdout: r.stdout, stderr: r.stderr, supported: true };
      if (inv.program === 'ping') o.ping = { from: fromPath(host, inv), to: pingTarget(inv.argv), ...pingCounts(r.stdout) };
      return o;
    }
    default:
      throw new Error(`unhandled invocation ${inv.kind}`);
  }
}

export type { Step };
