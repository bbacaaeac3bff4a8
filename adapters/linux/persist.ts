/**
 * `--persist`: a model materialized into the machine's own named namespaces, every name carrying
 * a run prefix (`nt1-ab12-`), recorded in a state file before anything is created, so that
 * `nettwin destroy` can remove exactly what the run made, even after a crash. Nothing of a run
 * ever lives in the machine's root namespace: a lab host's own namespace becomes a prefixed
 * named namespace like all the others.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { netnsNameProblem } from './compile.js';
import { defaultStatePath, forgetRun, NETNS_DIR, nsIdentity, readState, RUN_PREFIX, type PersistRun } from './persist-state.js';

export { defaultStatePath, NETNS_DIR, recordedRuns, recordMade, recordRun, StateFileError, type PersistRun } from './persist-state.js';

/** The machine's named namespaces (`ip netns list` without running it). */
export function machineNamespaces(): string[] {
  try {
    return fs.readdirSync(NETNS_DIR).sort();
  } catch {
    return [];
  }
}

const BASE = /^[a-z][a-z0-9]{0,4}-$/;

/**
 * A fresh run prefix: `base` + 4 hex digits + `-`, used by no machine namespace and no recorded
 * run. Throws when `base` is not 2-6 bytes of lower-case letters/digits ending in `-`.
 */
export function newRunPrefix(base = 'nt1-', statePath = defaultStatePath(), id?: string): { id: string; prefix: string } {
  if (!BASE.test(base)) throw new Error(`persist prefix "${base}" must be 2-6 lower-case letters or digits ending in "-" (e.g. "nt1-")`);
  if (id !== undefined) {
    // a chosen id is checked later, name by name, against the machine's namespaces
    if (!/^[0-9a-f]{4}$/.test(id)) throw new Error(`persist id "${id}" must be 4 hex digits`);
    return { id, prefix: `${base}${id}-` };
  }
  const existing = machineNamespaces();
  const recorded = new Set(readState(statePath).runs.map((r) => r.prefix));
  for (let i = 0; i < 64; i++) {
    const id = randomBytes(2).toString('hex');
    const prefix = `${base}${id}-`;
    if (!recorded.has(prefix) && !existing.some((n) => n.startsWith(prefix))) return { id, prefix };
  }
  throw new Error('could not find an unused run prefix');
}

/**
 * Machine names for model paths: `prefix` + the path (`/` as `.`) when every one fits in 15
 * bytes and stays distinct, else `prefix` + its index. Always ≤ 15 bytes.
 *
 * @example persistNames(['node1', 'node1/pod1'], 'nt1-ab12-') // node1 -> nt1-ab12-0, node1/pod1 -> nt1-ab12-1
 */
export function persistNames(paths: readonly string[], prefix: string): Map<string, string> {
  const room = 15 - Buffer.byteLength(prefix);
  if (room < 1) throw new Error(`persist prefix "${prefix}" leaves no room for names`);
  const readable = paths.map((p) => prefix + p.replace(/\//g, '.').replace(/^\./, '_'));
  const ok = new Set(readable).size === readable.length && readable.every((n) => Buffer.byteLength(n) <= 15 && /^[A-Za-z0-9_.-]+$/.test(n) && netnsNameProblem(n) === null);
  const names = ok ? readable : paths.map((_, i) => `${prefix}${i}`);
  if (names.some((n) => Buffer.byteLength(n) > 15)) throw new Error(`too many namespaces (${paths.length}) for prefix "${prefix}"`);
  return new Map(paths.map((p, i) => [p, names[i]]));
}

/**
 * What `destroy` did, run by run.
 *
 * @example
 * const r: DestroyReport = destroyRecorded();
 * r.nothing; // true when no run was recorded
 */
export interface DestroyReport {
  statePath: string;
  /** runs handled */
  runs: { id: string; prefix: string; removed: string[]; alreadyGone: string[] }[];
  /** nothing was recorded: a harmless no-op */
  nothing: boolean;
  /** namespaces that could not be removed */
  failed: { name: string; error: string }[];
}

/**
 * Removes the namespaces of a recorded run (deleting a namespace removes its links too) and
 * forgets the run. Only names recorded for the run, starting with its prefix, *and* still bound
 * to the namespace the run made (same identity as recorded at creation) are touched; names
 * already gone are reported, not an error; any other is left alone and reported as a failure.
 */
export function destroyRun(run: PersistRun, statePath = defaultStatePath()): DestroyReport['runs'][number] & { failed: DestroyReport['failed'] } {
  const present = new Set(machineNamespaces());
  const removed: string[] = [];
  const alreadyGone: string[] = [];
  const failed: DestroyReport['failed'] = [];
  const toDelete: string[] = [];
  const validPrefix = RUN_PREFIX.test(run.prefix);
  for (const name of [...run.namespaces].reverse()) {
    if (!validPrefix || !name.startsWith(run.prefix) || name === run.prefix || netnsNameProblem(name) !== null) {
      failed.push({ name, error: `not a name of run ${JSON.stringify(run.prefix)}: left alone` });
      continue;
    }
    if (!present.has(name)) {
      alreadyGone.push(name);
      continue;
    }
    // only the namespace the run made: the same name made again by someone else stays
    const made = run.inodes?.[name];
    const now = nsIdentity(name);
    if (!made) failed.push({ name, error: `nothing proves run ${run.prefix} made it (its identity was not recorded): left alone; if it is yours, ip netns del ${name}` });
    else if (!now || now.dev !== made.dev || now.ino !== made.ino || now.ctime !== made.ctime)
      failed.push({ name, error: `not the namespace run ${run.prefix} made (another namespace has its name now): left alone` });
    else toDelete.push(name);
  }
  if (toDelete.length > 0) {
    // one process for all: `-force` goes on after a failure, which is then found below
    const r = spawnSync('ip', ['-force', '-batch', '-'], {
      input: toDelete.map((n) => `netns del ${n}\n`).join(''),
      encoding: 'utf8',
      env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LC_ALL: 'C' },
    });
    for (const name of toDelete) {
      if (!fs.existsSync(path.join(NETNS_DIR, name))) removed.push(name);
      else failed.push({ name, error: (r.stderr || r.error?.message || `exit ${r.status}`).trim() });
    }
  }
  if (failed.length === 0) forgetRun(run, statePath);
  return { id: run.id, prefix: run.prefix, removed: removed.reverse(), alreadyGone: alreadyGone.reverse(), failed };
}

/**
 * `nettwin destroy`: every run recorded in the state file (or only `id`). Idempotent.
 *
 * @example
 * destroyRecorded({ statePath: '/tmp/state.json' }).runs[0]?.removed; // ['nt1-ab12-0', …]
 */
export function destroyRecorded(opts: { statePath?: string; id?: string } = {}): DestroyReport {
  const statePath = opts.statePath ?? defaultStatePath();
  const runs = readState(statePath).runs.filter((r) => opts.id === undefined || r.id === opts.id || r.prefix === opts.id);
  const report: DestroyReport = { statePath, runs: [], nothing: runs.length === 0, failed: [] };
  for (const run of runs) {
    const r = destroyRun(run, statePath);
    report.runs.push({ id: r.id, prefix: r.prefix, removed: r.removed, alreadyGone: r.alreadyGone });
    report.failed.push(...r.failed);
  }
  return report;
}

/**
 * What `nettwin destroy` prints.
 *
 * @example formatDestroy(destroyRecorded()) // 'nettwin: nothing to destroy (no run recorded in /run/nettwin/state.json)\n'
 */
export function formatDestroy(r: DestroyReport): string {
  if (r.nothing) return `nettwin: nothing to destroy (no run recorded in ${r.statePath})\n`;
  let out = '';
  for (const run of r.runs) {
    out += `run ${run.prefix}: removed ${run.removed.length} namespace(s)${run.removed.length ? `: ${run.removed.join(' ')}` : ''}`;
    if (run.alreadyGone.length) out += `; already gone: ${run.alreadyGone.join(' ')}`;
    out += '\n';
  }
  for (const f of r.failed) out += `could not remove ${f.name}: ${f.error}\n`;
  return out;
}
