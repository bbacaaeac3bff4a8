/**
 * `--persist`: a model materialized into the machine's own named namespaces, every name carrying
 * its lab's prefix (`nt-seed-`: `nt-seed-node1`, `nt-seed-n1-NS1`), recorded in a state file
 * before anything is created, so that `nettwin destroy seed` can remove exactly what the run
 * made, even after a crash, and `nettwin ls` and `nettwin exec` find a lab's namespaces by their
 * paths. Nothing of a run ever lives in the machine's root namespace: a lab host's own namespace
 * becomes a prefixed named namespace like all the others.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { netnsNameProblem } from './compile.js';
import { LAB_NAME } from '../../src/labfile/spec.js';
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

export { LAB_NAME };

/**
 * A lab name from a file name (or anything): lower-case letters and digits, at most 6, starting
 * with a letter (`lab-fixed-routes.yaml` → `labfix`, `node1.sh` → `node1`).
 *
 * @example labNameFrom('examples/seed/lab.yaml') // 'lab'
 */
export function labNameFrom(text: string): string {
  const base = text.replace(/^.*\//, '').replace(/\.(ya?ml|sh)$/i, '');
  const name = base
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .replace(/^[0-9]+/, '')
    .slice(0, 6);
  return name || 'lab';
}

/**
 * The run of lab `lab`: prefix `nt-<lab>-`, refused when the lab is persisted already (recorded,
 * or namespaces of that prefix exist). Without a name, a fresh one (`x` and 3 hex digits).
 */
export function newRunPrefix(lab: string | undefined, statePath = defaultStatePath()): { id: string; prefix: string } {
  const existing = machineNamespaces();
  const recorded = new Set(readState(statePath).runs.map((r) => r.prefix));
  const taken = (prefix: string) => recorded.has(prefix) || existing.some((n) => n.startsWith(prefix));
  if (lab !== undefined) {
    if (!LAB_NAME.test(lab)) throw new Error(`lab name "${lab}" must be 1-6 lower-case letters or digits, starting with a letter (e.g. seed)`);
    const prefix = `nt-${lab}-`;
    if (recorded.has(prefix)) throw new PersistClash(`lab "${lab}" is persisted already (nettwin ls); remove it with nettwin destroy ${lab}, or give another --name`);
    if (taken(prefix)) throw new PersistClash(`namespaces named ${prefix}* exist on this machine already; give another --name`);
    return { id: lab, prefix };
  }
  for (let i = 0; i < 64; i++) {
    const id = `x${randomBytes(2).toString('hex').slice(0, 3)}`;
    if (!taken(`nt-${id}-`)) return { id, prefix: `nt-${id}-` };
  }
  throw new Error('could not find an unused lab name');
}

/** A persisted lab of that name exists already (or its names are taken). */
export class PersistClash extends Error {}

/** `node1` → `n1`, `worker12` → `w12`, `NS1` → `N1`: the first letter and the trailing digits. */
function short(name: string): string {
  if (name.length <= 3) return name;
  return `${name[0]}${/\d*$/.exec(name)![0]}`;
}

/**
 * Machine names for model paths, `prefix` + `host-ns` (a host's own namespace: `host`; the
 * machine room: `room`), shortened to fit the kernel's 15 bytes (`node1/NS1` → `n1-NS1`, then
 * `n1-N1`), and numbered when even that does not fit or clashes. The mapping is recorded with
 * the run, so nothing has to be guessed back from a name.
 *
 * @example persistNames(['node1', 'node1/NS1'], 'nt-seed-') // node1 -> nt-seed-node1, node1/NS1 -> nt-seed-n1-NS1
 */
export function persistNames(paths: readonly string[], prefix: string): Map<string, string> {
  const room = 15 - Buffer.byteLength(prefix);
  if (room < 1) throw new Error(`persist prefix "${prefix}" leaves no room for names`);
  const used = new Set<string>();
  const out = new Map<string, string>();
  const fits = (n: string) => Buffer.byteLength(n) <= room && /^[A-Za-z0-9_.-]+$/.test(n) && !used.has(n) && netnsNameProblem(prefix + n) === null;
  paths.forEach((p, i) => {
    const [h, ns] = p.split('/') as [string, string | undefined];
    const host = h.startsWith('.') ? 'room' : h;
    const tries = ns === undefined ? [host, short(host)] : [`${host}-${ns}`, `${short(host)}-${ns}`, `${short(host)}-${short(ns)}`, `${short(host)}${short(ns)}`];
    let name = tries.find(fits);
    for (let k = i; name === undefined; k++) if (fits(k.toString(36))) name = k.toString(36);
    used.add(name);
    out.set(p, prefix + name);
  });
  return out;
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
  /** the lab asked for, when no run of that name is recorded */
  unknown?: string;
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
  if (opts.id !== undefined && runs.length === 0) return { statePath, runs: [], nothing: true, failed: [], unknown: opts.id };
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
  if (r.unknown !== undefined) return `nettwin: nothing to destroy (no lab "${r.unknown}" recorded in ${r.statePath}; nettwin ls lists them)\n`;
  if (r.nothing) return `nettwin: nothing to destroy (no run recorded in ${r.statePath})\n`;
  let out = '';
  for (const run of r.runs) {
    out += `lab ${run.id} (${run.prefix}*): removed ${run.removed.length} namespace(s)${run.removed.length ? `: ${run.removed.join(' ')}` : ''}`;
    if (run.alreadyGone.length) out += `; already gone: ${run.alreadyGone.join(' ')}`;
    out += '\n';
  }
  for (const f of r.failed) out += `could not remove ${f.name}: ${f.error}\n`;
  return out;
}
