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

/**
 * One `--persist` run as its state file records it.
 *
 * @example
 * recordedRuns()[0]?.mapping['node1/pod1']; // 'nt1-ab12-1'
 */
export interface PersistRun {
  /** short random id, e.g. `ab12` */
  id: string;
  /** every machine namespace of the run starts with it, e.g. `nt1-ab12-` */
  prefix: string;
  created: string;
  /** the process that created it */
  pid: number;
  /** machine namespace names, in creation order */
  namespaces: string[];
  /** model path -> machine namespace */
  mapping: Record<string, string>;
}

interface StateFile {
  version: 1;
  runs: PersistRun[];
}

/** Where named namespaces live on the machine (iproute2's NETNS_RUN_DIR). */
export const NETNS_DIR = '/run/netns';

/**
 * `/run/nettwin/state.json` for root; else `$XDG_RUNTIME_DIR/nettwin/state.json`.
 *
 * @example defaultStatePath() // '/run/nettwin/state.json' (as root)
 */
export function defaultStatePath(): string {
  const euid = typeof process.geteuid === 'function' ? process.geteuid() : 0;
  if (euid === 0) return '/run/nettwin/state.json';
  const xdg = process.env.XDG_RUNTIME_DIR;
  return path.join(xdg && xdg.startsWith('/') ? xdg : `/tmp/nettwin-${euid}`, 'nettwin', 'state.json');
}

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
  const ok =
    new Set(readable).size === readable.length &&
    readable.every((n) => Buffer.byteLength(n) <= 15 && /^[A-Za-z0-9_.-]+$/.test(n) && netnsNameProblem(n) === null);
  const names = ok ? readable : paths.map((_, i) => `${prefix}${i}`);
  if (names.some((n) => Buffer.byteLength(n) > 15)) throw new Error(`too many namespaces (${paths.length}) for prefix "${prefix}"`);
  return new Map(paths.map((p, i) => [p, names[i]]));
}

function readState(statePath: string): StateFile {
  try {
    const s = JSON.parse(fs.readFileSync(statePath, 'utf8')) as StateFile;
    if (s && s.version === 1 && Array.isArray(s.runs)) return s;
  } catch {
    // missing or unreadable: no runs
  }
  return { version: 1, runs: [] };
}

/**
 * The runs a state file records.
 *
 * @example recordedRuns('/run/nettwin/state.json').map((r) => r.prefix) // ['nt1-ab12-']
 */
export function recordedRuns(statePath = defaultStatePath()): PersistRun[] {
  return readState(statePath).runs;
}

/** Serializes state-file updates across processes with a lock directory (mkdir is atomic). */
function withLock<T>(statePath: string, fn: () => T): T {
  fs.mkdirSync(path.dirname(statePath), { recursive: true, mode: 0o700 });
  const lock = `${statePath}.lock`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > 30_000) fs.rmdirSync(lock);
      } catch {
        // gone meanwhile
      }
      if (Date.now() > deadline) throw new Error(`state file ${statePath} is locked (${lock})`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
  try {
    return fn();
  } finally {
    try {
      fs.rmdirSync(lock);
    } catch {
      // already removed
    }
  }
}

function writeState(statePath: string, s: StateFile): void {
  if (s.runs.length === 0) {
    fs.rmSync(statePath, { force: true });
    return;
  }
  const tmp = `${statePath}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(s, null, 2) + '\n', { mode: 0o600 });
  fs.renameSync(tmp, statePath);
}

/** Records a run before its namespaces are created. */
export function recordRun(run: PersistRun, statePath = defaultStatePath()): void {
  withLock(statePath, () => {
    const s = readState(statePath);
    s.runs = s.runs.filter((r) => r.id !== run.id || r.prefix !== run.prefix);
    s.runs.push(run);
    writeState(statePath, s);
  });
}

function forgetRun(run: PersistRun, statePath: string): void {
  withLock(statePath, () => {
    const s = readState(statePath);
    s.runs = s.runs.filter((r) => !(r.id === run.id && r.prefix === run.prefix));
    writeState(statePath, s);
  });
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
 * forgets the run. Only names recorded for the run *and* starting with its prefix are touched;
 * names already gone are reported, not an error.
 */
export function destroyRun(run: PersistRun, statePath = defaultStatePath()): DestroyReport['runs'][number] & { failed: DestroyReport['failed'] } {
  const present = new Set(machineNamespaces());
  const removed: string[] = [];
  const alreadyGone: string[] = [];
  const failed: DestroyReport['failed'] = [];
  const toDelete: string[] = [];
  for (const name of [...run.namespaces].reverse()) {
    if (!name.startsWith(run.prefix) || netnsNameProblem(name) !== null) {
      failed.push({ name, error: `not a name of run ${run.prefix}: left alone` });
    } else if (present.has(name)) toDelete.push(name);
    else alreadyGone.push(name);
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
