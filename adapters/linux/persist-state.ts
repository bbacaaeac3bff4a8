/**
 * The state file of `--persist` runs: what each run created, and how to recognise it later.
 * `destroy` deletes namespaces as root on the strength of this file, so it is read as hostile
 * input: it must be a regular text file of bounded size holding a nettwin state (every run with
 * a non-empty nettwin prefix, every name carrying it), or nothing is deleted and nothing is
 * overwritten. Each namespace's identity (device, inode and change time of /run/netns/NAME,
 * i.e. of the namespace itself) is recorded once it is made, so a namespace that is not the
 * one the run made (deleted, then made again under the same name) is never deleted.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileRefused, readTextFile } from '../../src/files/read-text.js';
import { makeOutputDir, outputPathProblem } from '../../src/files/output-path.js';
import { netnsNameProblem } from './compile.js';

/** Where named namespaces live on the machine (iproute2's NETNS_RUN_DIR). */
export const NETNS_DIR = '/run/netns';

/**
 * The identity of a named namespace: stat of /run/netns/NAME (the nsfs inode of the namespace
 * the name is bound to), as decimal strings.
 */
export interface NsIdentity {
  dev: string;
  ino: string;
  /** nanoseconds: two namespaces that reuse an inode number are told apart by it */
  ctime: string;
}

/**
 * One `--persist` run as its state file records it.
 *
 * @example
 * recordedRuns()[0]?.mapping['node1/pod1']; // 'nt1-ab12-1'
 */
export interface PersistRun {
  /** the lab's name, e.g. `seed` (runs recorded by an earlier nettwin: 4 hex digits) */
  id: string;
  /** every machine namespace of the run starts with it, e.g. `nt-seed-` (earlier: `nt1-ab12-`) */
  prefix: string;
  /** the file the lab came from, when it came from one */
  source?: string;
  created: string;
  /** the process that created it */
  pid: number;
  /** machine namespace names, in creation order */
  namespaces: string[];
  /** model path -> machine namespace */
  mapping: Record<string, string>;
  /** each namespace's identity, recorded right after the run made it */
  inodes?: Record<string, NsIdentity>;
}

export interface StateFile {
  version: 1;
  runs: PersistRun[];
}

/** A state file that is not one nettwin wrote: refused, nothing deleted, nothing overwritten. */
export class StateFileError extends Error {}

/**
 * A run prefix: `nt-` + the lab's name (1-6 lower-case letters or digits, a letter first) + `-`;
 * or, as an earlier nettwin recorded them, a base, `-`, 4 hex digits, `-`.
 */
export const RUN_PREFIX = /^(?:nt-[a-z][a-z0-9]{0,5}|[a-z][a-z0-9]{0,4}-[0-9a-f]{4})-$/;
/** The largest state file read (a run of 100 000 namespaces fits). */
const MAX_STATE_BYTES = 64 * 1024 * 1024;

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

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const DECIMAL = /^\d{1,30}$/;

/** Why `r` is not a run nettwin recorded, or null. */
function runProblem(r: unknown, where: string): string | null {
  if (!isRecord(r)) return `${where} is not an object`;
  if (typeof r.id !== 'string' || !/^(?:[0-9a-f]{4}|[a-z][a-z0-9]{0,5})$/.test(r.id)) return `${where}.id is not a lab name`;
  if (typeof r.prefix !== 'string' || !RUN_PREFIX.test(r.prefix) || (r.prefix !== `nt-${r.id}-` && !/^[a-z][a-z0-9]{0,4}-[0-9a-f]{4}-$/.test(r.prefix)) || !r.prefix.endsWith(`-${r.id}-`)) {
    return `${where}.prefix ${JSON.stringify(r.prefix)} is not a nettwin run prefix (like "nt-${r.id}-")`;
  }
  if (r.source !== undefined && (typeof r.source !== 'string' || r.source.length > 4096)) return `${where}.source is not a file name`;
  if (typeof r.created !== 'string' || !Number.isSafeInteger(r.pid) || (r.pid as number) <= 0) return `${where} lacks its creation time or process`;
  if (!Array.isArray(r.namespaces) || r.namespaces.length > 1_000_000) return `${where}.namespaces is not a list of names`;
  const names = new Set<string>();
  for (const n of r.namespaces) {
    if (typeof n !== 'string' || !n.startsWith(r.prefix) || n === r.prefix || Buffer.byteLength(n) > 15 || netnsNameProblem(n) !== null) {
      return `${where}.namespaces holds ${JSON.stringify(n)}, which is not a name of run ${r.prefix}`;
    }
    if (names.has(n)) return `${where}.namespaces holds ${n} twice`;
    names.add(n);
  }
  if (!isRecord(r.mapping) || !Object.values(r.mapping).every((n) => typeof n === 'string' && names.has(n))) return `${where}.mapping names a namespace the run does not have`;
  if (r.inodes !== undefined) {
    if (!isRecord(r.inodes)) return `${where}.inodes is not an object`;
    for (const [n, id] of Object.entries(r.inodes)) {
      if (!names.has(n)) return `${where}.inodes names ${JSON.stringify(n)}, which is not a namespace of the run`;
      if (!isRecord(id) || ![id.dev, id.ino, id.ctime].every((x) => typeof x === 'string' && DECIMAL.test(x))) return `${where}.inodes.${n} is not a device, inode and time`;
    }
  }
  return null;
}

/**
 * Why a parsed state file is not one nettwin wrote, or null.
 *
 * @example stateProblem({ version: 1, runs: [{ prefix: '' }] }) // 'runs[0].id is not 4 hex digits'
 */
export function stateProblem(s: unknown): string | null {
  if (!isRecord(s) || s.version !== 1 || !Array.isArray(s.runs)) return 'it has no "version": 1 and "runs" list';
  for (let i = 0; i < s.runs.length; i++) {
    const p = runProblem(s.runs[i], `runs[${i}]`);
    if (p) return p;
  }
  const prefixes = new Set<string>();
  for (const r of s.runs as PersistRun[]) {
    // two runs sharing names could make one delete the other's
    if (prefixes.has(r.prefix)) return `two runs have the prefix ${r.prefix}`;
    prefixes.add(r.prefix);
  }
  return null;
}

/**
 * The state file's runs; no file at all is no runs. Throws StateFileError for anything that
 * is not a nettwin state file (a directory, a FIFO, a device, a binary file, /etc/passwd, a
 * run with an empty prefix or names outside it): then nothing may be deleted or overwritten.
 */
export function readState(statePath: string): StateFile {
  try {
    fs.lstatSync(statePath);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, runs: [] };
  }
  let text: string;
  try {
    text = readTextFile(statePath, { maxBytes: MAX_STATE_BYTES, maxLineBytes: MAX_STATE_BYTES });
  } catch (e) {
    if (e instanceof FileRefused) throw new StateFileError(`state file ${statePath}: ${e.reason}`);
    throw e;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new StateFileError(`state file ${statePath}: not a nettwin state file (not JSON)`);
  }
  const problem = stateProblem(parsed);
  if (problem) throw new StateFileError(`state file ${statePath}: not a nettwin state file: ${problem}`);
  return parsed as StateFile;
}

/** Serializes state-file updates across processes with a lock directory (mkdir is atomic). */
export function withLock<T>(statePath: string, fn: () => T): T {
  const bad = outputPathProblem(statePath);
  if (bad) throw new StateFileError(`state file ${statePath}: ${bad}`);
  makeOutputDir(path.dirname(statePath), 0o700);
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

/** Replaces the state file (atomically, through a fresh temporary file); no runs: no file. */
export function writeState(statePath: string, s: StateFile): void {
  if (s.runs.length === 0) {
    fs.rmSync(statePath, { force: true });
    return;
  }
  const tmp = `${statePath}.${process.pid}.tmp`;
  fs.rmSync(tmp, { force: true });
  // 'wx': O_EXCL, so a link planted under the temporary name is not followed
  fs.writeFileSync(tmp, `${JSON.stringify(s, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  fs.renameSync(tmp, statePath);
}

/** Applies `change` to the recorded state under the lock. */
export function updateState(statePath: string, change: (s: StateFile) => void): void {
  withLock(statePath, () => {
    const s = readState(statePath);
    change(s);
    writeState(statePath, s);
  });
}

/**
 * The runs a state file records.
 *
 * @example recordedRuns('/run/nettwin/state.json').map((r) => r.prefix) // ['nt1-ab12-']
 */
export function recordedRuns(statePath = defaultStatePath()): PersistRun[] {
  return readState(statePath).runs;
}

/** Records a run before its namespaces are created. */
export function recordRun(run: PersistRun, statePath = defaultStatePath()): void {
  const problem = runProblem(run, 'run');
  if (problem) throw new StateFileError(problem);
  updateState(statePath, (s) => {
    s.runs = s.runs.filter((r) => r.prefix !== run.prefix);
    s.runs.push(run);
  });
}

/** Forgets a run (its namespaces are gone). */
export function forgetRun(run: PersistRun, statePath: string): void {
  updateState(statePath, (s) => {
    s.runs = s.runs.filter((r) => !(r.id === run.id && r.prefix === run.prefix));
  });
}

/** The identity of the machine's namespace `name` now, or null when there is none. */
export function nsIdentity(name: string): NsIdentity | null {
  try {
    const st = fs.statSync(path.join(NETNS_DIR, name), { bigint: true });
    return { dev: String(st.dev), ino: String(st.ino), ctime: String(st.ctimeNs) };
  } catch {
    return null;
  }
}

/**
 * Records the identity of namespaces `run` has just made (in `run` and in the state file), the
 * proof `destroy` asks for before it deletes one.
 */
export function recordMade(run: PersistRun, names: readonly string[], statePath: string): void {
  const ids: Record<string, NsIdentity> = {};
  const mine = new Set(run.namespaces);
  for (const n of names) {
    if (!mine.has(n)) continue;
    const id = nsIdentity(n);
    if (id) ids[n] = id;
  }
  if (Object.keys(ids).length === 0) return;
  run.inodes = { ...run.inodes, ...ids };
  updateState(statePath, (s) => {
    const r = s.runs.find((x) => x.id === run.id && x.prefix === run.prefix);
    if (r) r.inodes = { ...r.inodes, ...ids };
  });
}
