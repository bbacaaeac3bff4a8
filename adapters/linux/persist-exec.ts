/**
 * `nettwin ls` and `nettwin exec` over persisted labs: what the state file records, checked
 * against the machine, and one command run in one of a lab's namespaces. A command given to
 * exec passes the checks a script line passes before it reaches the kernel (classify, the
 * path check, src/exec/kernel-argv.ts, guard.ts), as argv, never through a shell, and only in
 * a namespace proven to be the one the lab made (its recorded identity): the namespace comes
 * from HOST[/NS], never from the command, so `ip -n`, `ip netns exec` and the like are refused.
 */
import { spawnSync } from 'node:child_process';
import { classify } from '../../src/exec/invocation.js';
import { resolveNsName } from '../../src/labfile/ns-names.js';
import { persistIpProblem, realArgvProblem } from './guard.js';
import { defaultStatePath, nsIdentity, readState, type PersistRun } from './persist-state.js';

/** A namespace of a persisted lab as the machine has it now. */
export type NsState = 'present' | 'gone' | 'replaced';

/**
 * A persisted lab and the state of each of its namespaces.
 *
 * @example
 * for (const lab of persistedLabs()) console.log(lab.run.id, lab.namespaces.map((n) => `${n.path}=${n.state}`));
 */
export interface PersistedLab {
  run: PersistRun;
  namespaces: { path: string; name: string; state: NsState }[];
}

/** A refusal of `exec`: a usage error (exit 2), with the reason. */
export class ExecRefused extends Error {}

const PATH = '/usr/sbin:/usr/bin:/sbin:/bin';

function stateOf(run: PersistRun, name: string): NsState {
  const now = nsIdentity(name);
  if (!now) return 'gone';
  const made = run.inodes?.[name];
  return made && made.dev === now.dev && made.ino === now.ino && made.ctime === now.ctime ? 'present' : 'replaced';
}

/**
 * The labs a state file records, each namespace checked against the machine.
 *
 * @example persistedLabs().map((l) => l.run.id) // ['seed']
 */
export function persistedLabs(statePath = defaultStatePath()): PersistedLab[] {
  return readState(statePath).runs.map((run) => ({
    run,
    namespaces: Object.entries(run.mapping).map(([path, name]) => ({ path, name, state: stateOf(run, name) })),
  }));
}

/**
 * The program and argv `exec` would run for `argv`, or an ExecRefused saying why not.
 *
 * @example execArgv(['ip', '-br', 'addr']) // ['ip', '-br', 'addr']
 */
export function execArgv(argv: readonly string[]): string[] {
  if (argv.length === 0) throw new ExecRefused('no command given (nettwin exec LAB HOST[/NS] -- COMMAND…)');
  const inv = classify([{ argv: [...argv], stdoutTo: null }], false);
  if (inv.kind === 'unsupported') throw new ExecRefused(`not something nettwin runs: ${inv.why}`);
  if (inv.kind === 'proc-read' && inv.wrappers.length === 0) return ['cat', ...inv.paths];
  // a text tool (`cat FILE` of anything but the kernel's files) runs inside a script's shell, never in a namespace
  if (inv.kind === 'text') throw new ExecRefused(`not something nettwin runs: ${argv.join(' ')} (exec takes ip, bridge, ping, sysctl or cat of a /proc/sys/net file)`);
  if (inv.kind !== 'program') throw new ExecRefused(`not a command nettwin runs in a namespace (${argv[0]}): exec takes ip, bridge, ping, sysctl or cat of a /proc/sys/net file`);
  if (inv.wrappers.length > 0) throw new ExecRefused(`the namespace is HOST/NS, not ${inv.wrappers[0]!.argv.slice(0, 3).join(' ')}: name it on the command line (nettwin exec LAB HOST/NS -- …)`);
  if (inv.background) throw new ExecRefused('exec runs one command to its end, not in the background');
  if (inv.offKernel) throw new ExecRefused(inv.offKernel);
  const problem = realArgvProblem(inv.program, inv.argv) ?? (inv.program === 'ip' || inv.program === 'bridge' ? persistIpProblem(inv.argv) : null);
  if (problem) throw new ExecRefused(`refused: ${problem}`);
  return [inv.program, ...inv.argv];
}

/**
 * Runs `argv` in namespace `target` (HOST, HOST/NS, or NS when one host has it) of persisted
 * lab `lab`, its output on this process's; returns its exit status. Throws ExecRefused for an
 * unknown lab or namespace, one that is not the lab's any more, or a command exec does not run.
 *
 * @example process.exitCode = execInLab('seed', 'node1/NS1', ['ip', '-br', 'addr']);
 */
export function execInLab(lab: string, target: string, argv: readonly string[], opts: { statePath?: string } = {}): number {
  const statePath = opts.statePath ?? defaultStatePath();
  const run = readState(statePath).runs.find((r) => r.id === lab);
  if (!run) {
    const labs = readState(statePath).runs.map((r) => r.id);
    throw new ExecRefused(`no persisted lab "${lab}" (${labs.length ? `there are: ${labs.join(', ')}` : `none is recorded in ${statePath}`})`);
  }
  const r = resolveNsName(Object.keys(run.mapping), target);
  if (r.kind === 'error') throw new ExecRefused(`lab ${lab}: ${r.message}`);
  const name = run.mapping[r.path]!;
  const state = stateOf(run, name);
  if (state !== 'present') throw new ExecRefused(`lab ${lab}: ${r.path} (${name}) is ${state === 'gone' ? 'gone' : 'not the namespace the lab made any more'}`);
  const cmd = execArgv(argv);
  const res = spawnSync('ip', ['netns', 'exec', name, ...cmd], { stdio: 'inherit', env: { PATH, LC_ALL: 'C' } });
  if (res.error) throw res.error;
  return res.status ?? 128 + 9;
}
