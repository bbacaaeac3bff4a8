/**
 * Speculative execution of a script on the kernel. The shadow simulation beside the kernel
 * predicts each command's answer; a command that only writes state (`ip link add`, `ip -n NS
 * addr add`, `sysctl -w`) is not run at once but queued with its prediction, and the script
 * goes on as if the prediction were the kernel's. Meanwhile the queue runs:
 *
 * - a command waits for the last earlier command that touched any namespace it touches (the
 *   one it runs in — its *place* —, a `netns NAME` it names, the namespace an `ip netns add`
 *   makes); a command that can reach beyond what its words name (`link del`, `netns del`: a
 *   veth's peer goes with it) waits for everything before it and holds back everything after;
 * - in a place, consecutive `ip` commands predicted to succeed silently run as one
 *   `ip [-n NS] -batch -` (at most CHUNK lines), and with them those predicted to fail with
 *   only a message once a lone run of the same shape of failure showed the predicted exit
 *   status (the batch then runs with `-force`); any other command runs alone, as it would
 *   have unbatched;
 * - processes whose predecessors are done run in parallel, a few at a time.
 *
 * Before anything that reads state or waits (a `show`, a ping, a sleep, a background job)
 * and at the end, the queue is drained. Every answer is checked: a batch must exit 0 and print
 * nothing (each of its commands then did what was predicted), a lone command must answer
 * exactly what was predicted. Anything else is a {@link SpeculationMiss}: the caller throws the
 * sandbox away and runs the whole script again one command at a time, so a wrong prediction
 * costs time, never fidelity.
 */
import * as os from 'node:os';
import type { Sandbox, ExecResult } from './sandbox.js';
import { GroupedBatches } from './grouped-batches.js';

export { deferrable } from './deferrable.js';
import { type QueuedRead, type ReadSlot, runReads } from './speculative-reads.js';

/** A prediction the kernel did not confirm: rerun without speculation. */
export class SpeculationMiss extends Error {
  constructor(
    readonly command: string,
    readonly expected: ExecResult,
    readonly got: ExecResult,
  ) {
    super(`speculation missed at "${command}": expected exit ${expected.exit}, got ${got.exit} ${JSON.stringify(got.stderr.slice(0, 200))}`);
  }
}

/** One queued command. */
export interface Deferred {
  /** sandbox host */
  host: string;
  /** named namespace of the host it runs in, null for the host's root */
  ns: string | null;
  /** the whole argv, wrappers included, as it would run alone */
  argv: string[];
  /** an `ip -batch` line when it may join a batch (an `ip` command predicted to succeed silently) */
  batch: string | null;
  expect: ExecResult;
  /** namespaces of the host it touches besides its place (null: it may reach any) */
  touches: string[] | null;
  /** the script's command text, for messages */
  command: string;
  /** a read: it prints, and its text goes here (speculative-reads.ts); it batches only with reads of the same options */
  read?: ReadSlot;
  /** a predicted failure that may join a batch: the shape its exit status hangs on (deferrable.ts) */
  fails?: string;
}

/** One process: a batch of queued commands of one place, or one command alone. */
export interface Unit {
  index: number;
  host: string;
  ns: string | null;
  cmds: Deferred[];
  /** whether the commands run as one `ip -batch` (else: one command, run alone) */
  batch: boolean;
  /** unfinished units that must finish first (all created before this one) */
  deps: Set<Unit>;
  /** units that wait for this one */
  dependents: Unit[];
  /** no command joins it any more */
  sealed: boolean;
  state: 'queued' | 'running' | 'done';
  /** the queue's count when a command last joined it */
  lastJoined: number;
  /** its key among the open batches: its place, and for reads their options */
  openKey: string;
  /** a batch of reads (speculative-reads.ts) */
  reads: boolean;
  /** what its reads are predicted to print, in characters (a batch's output stays small) */
  bytes: number;
}

/**
 * Lines per batch process: small at first, so that what waits for a batch starts early; a
 * place that keeps writing doubles it every CHUNK_STEP batches up to MAX_CHUNK, since its
 * batches run one after another anyway and each process costs milliseconds (a 100 000-line
 * script ran 3 000 processes of 32 lines in a row).
 */
const CHUNK = 32;
const MAX_CHUNK = 1024;
const CHUNK_STEP = 8;
/** Reads per batch process: nothing waits for a read but the next command of its place. */
const READ_CHUNK = 1024;
/** Predicted output per batch of reads, in characters. */
const READ_BYTES = 1 << 20;
/** An open batch no command joined for this many queued commands is sealed (and may start). */
const IDLE = 16;

const key = (host: string, ns: string | null) => `${host}\0${ns ?? ''}`;

/**
 * The queue as a graph of processes, run while the script goes on. A command waits for the
 * last earlier command that touched each namespace it touches (so any two commands sharing a
 * namespace keep their order, and commands of one place keep theirs). It joins its place's
 * open batch when nothing it waits for came after that batch was opened, and starts a new
 * unit otherwise. A unit starts once sealed (full, idle, or superseded) and what it waits
 * for is done, longest waiting first, a few at a time.
 */
export class Speculation {
  private units: Unit[] = [];
  private count = 0;
  /** per namespace key: the unit of the last command that touched it (reads aside) */
  private lastTouch = new Map<string, Unit>();
  /** unfinished units of writes and of reads: a read waits for every write before it, a write for every read (reads not for each other) */
  private liveWrites = new Set<Unit>();
  private liveReads = new Set<Unit>();
  /** a command touching everything: every later one waits for it */
  private floor: Unit | null = null;
  /** per place: its open batch */
  private open = new Map<string, Unit>();
  /** open batches, least recently joined first */
  private idle = new Map<Unit, true>();
  /** batches opened per place and kind (their count sets the next one's size) */
  private opened = new Map<string, number>();
  private ready: Unit[] = [];
  /** units in flight */
  private running = 0;
  /** of which started one process each, at most `concurrency` */
  private slots = 0;
  private grouped: GroupedBatches | null = null;
  private miss: unknown = null;
  private sb: Sandbox | null = null;
  private opening: Promise<void> | null = null;
  private settled: (() => void) | null = null;
  /** per failure shape: the lone run that shows its exit status, and that status once it did */
  private calib = new Map<string, { unit: Unit; exit: number | null }>();

  constructor(
    private readonly sandbox: () => Promise<Sandbox>,
    private readonly concurrency = Math.min(16, 2 * Math.max(1, os.cpus().length)),
  ) {}

  /** Queues a command (its process may start at once); throws a miss found meanwhile. */
  add(d: Deferred): void {
    if (this.miss !== null) throw this.miss;
    this.count++;
    const place = key(d.host, d.ns);
    const keys = d.touches === null ? [...this.lastTouch.keys(), place] : [place, ...d.touches.map((n) => (n.startsWith('#') ? `${d.host}\0${n}` : key(d.host, n)))];
    const deps = new Set<Unit>();
    if (this.floor && this.floor.state !== 'done') deps.add(this.floor);
    if (d.read) {
      // what a listing shows may hang on any namespace (a macvlan's lower, a veth's peer): every write before it
      for (const w of this.liveWrites) deps.add(w);
    } else {
      for (const k of keys) {
        const u = this.lastTouch.get(k);
        if (u && u.state !== 'done') deps.add(u);
      }
      // and no write overtakes a read before it
      for (const r of this.liveReads) deps.add(r);
    }
    const openKey = d.read ? `${place}\0read\0${d.read.options.join(' ')}` : place;
    // a predicted failure batches once a lone run of its shape showed its status (or after that run)
    let batchable = d.batch !== null;
    let calibrates = false;
    if (d.fails !== undefined) {
      const c = this.calib.get(d.fails);
      if (!c) calibrates = true;
      else if (c.exit !== null && c.exit !== d.expect.exit) batchable = false;
      else if (c.exit === null && c.unit.state !== 'done') deps.add(c.unit);
      if (calibrates) batchable = false;
    }
    let u = this.open.get(openKey);
    const joinable = u !== undefined && batchable && [...deps].every((x) => x === u || x.index < u!.index);
    if (!joinable) {
      if (u) this.seal(u);
      u = {
        index: this.units.length,
        host: d.host,
        ns: d.ns,
        cmds: [],
        batch: batchable,
        deps: new Set(),
        dependents: [],
        sealed: false,
        state: 'queued',
        lastJoined: 0,
        openKey,
        reads: d.read !== undefined,
        bytes: 0,
      };
      this.units.push(u);
      if (batchable) {
        this.open.set(openKey, u);
        this.opened.set(openKey, (this.opened.get(openKey) ?? 0) + 1);
      }
      if (calibrates) this.calib.set(d.fails!, { unit: u, exit: null });
    }
    for (const x of deps) {
      if (x === u || u!.deps.has(x)) continue;
      u!.deps.add(x);
      x.dependents.push(u!);
    }
    u!.cmds.push(d);
    u!.bytes += d.expect.stdout.length;
    u!.lastJoined = this.count;
    if (d.read) this.liveReads.add(u!);
    else {
      this.liveWrites.add(u!);
      for (const k of keys) this.lastTouch.set(k, u!);
      if (d.touches === null) this.floor = u!;
    }
    if (!u!.batch || u!.cmds.length >= (u!.reads ? READ_CHUNK : this.chunk(openKey)) || u!.bytes >= READ_BYTES) this.seal(u!);
    else {
      this.idle.delete(u!);
      this.idle.set(u!, true);
    }
    for (const [o] of this.idle) {
      if (this.count - o.lastJoined < IDLE) break;
      this.seal(o);
    }
    this.pump();
  }

  private chunk(openKey: string): number {
    // the count includes the batch being filled
    const n = (this.opened.get(openKey) ?? 1) - 1;
    return Math.min(MAX_CHUNK, CHUNK * 2 ** Math.floor(n / CHUNK_STEP));
  }

  /** Runs everything queued to the end; throws SpeculationMiss on any surprise. */
  async flush(): Promise<void> {
    for (const u of this.units) this.seal(u);
    if (this.units.some((u) => u.state !== 'done')) {
      await new Promise<void>((resolve) => {
        this.settled = resolve;
        this.pump();
      });
    }
    this.units = [];
    this.lastTouch.clear();
    this.floor = null;
    if (this.miss !== null) throw this.miss;
  }

  private seal(u: Unit): void {
    if (u.sealed) return;
    u.sealed = true;
    this.idle.delete(u);
    if (this.open.get(u.openKey) === u) this.open.delete(u.openKey);
    if (u.deps.size === 0) this.ready.push(u);
  }

  private pump(): void {
    if (!this.sb) {
      this.opening ??= this.sandbox().then(
        (sb) => {
          this.sb = sb;
          this.pump();
        },
        (e: unknown) => {
          this.miss ??= e;
          this.pump();
        },
      );
      if (this.miss === null) return;
    }
    const sb = this.sb;
    // batches of named namespaces go to the sandbox's shared groups (one xargs each, at their own pace)
    for (let i = 0; sb && this.miss === null && i < this.ready.length; ) {
      const u = this.ready[i]!;
      if (!groupable(u)) {
        i++;
        continue;
      }
      this.ready.splice(i, 1);
      this.grouped ??= new GroupedBatches(sb);
      const grouped = this.grouped;
      this.start([u], false, async () => {
        const r = await grouped.run(u.host, u.ns!, `${u.cmds.map((c) => c.batch!).join('\n')}\n`);
        if (r.exit !== 0 || r.stdout !== '' || r.stderr !== '') throw new SpeculationMiss(u.cmds[0]!.command, { exit: 0, stdout: '', stderr: '' }, r);
      });
    }
    while (sb && this.miss === null && this.ready.length && this.slots < this.concurrency) {
      // the unit with the most units waiting behind it first: the longest chain sets the pace
      let best = 0;
      for (let i = 1; i < this.ready.length; i++) if (this.ready[i]!.dependents.length > this.ready[best]!.dependents.length) best = i;
      const u = this.ready.splice(best, 1)[0]!;
      this.start([u], true, () => runUnit(sb, u, this.calib));
    }
    if (this.settled && this.running === 0 && (this.miss !== null || this.units.every((u) => u.state === 'done'))) {
      const done = this.settled;
      this.settled = null;
      done();
    }
  }

  private start(us: Unit[], slot: boolean, run: () => Promise<void>): void {
    for (const u of us) u.state = 'running';
    this.running++;
    if (slot) this.slots++;
    const end = () => {
      this.running--;
      if (slot) this.slots--;
    };
    run().then(
      () => {
        end();
        for (const u of us) {
          u.state = 'done';
          this.liveWrites.delete(u);
          this.liveReads.delete(u);
          for (const d of u.dependents) {
            d.deps.delete(u);
            if (d.deps.size === 0 && d.sealed && d.state === 'queued') this.ready.push(d);
          }
        }
        this.pump();
      },
      (e: unknown) => {
        end();
        for (const u of us) u.state = 'done';
        this.miss ??= e;
        this.pump();
      },
    );
  }
}

/** A batch of a named namespace, which the sandbox's shared groups can start (GroupedBatches); not one with failures (its words are checked per command). */
const groupable = (u: Unit) => u.batch && u.ns !== null && !u.reads && !u.cmds.some((c) => c.fails !== undefined);

type Calibration = Map<string, { unit: Unit; exit: number | null }>;

async function runUnit(sb: Sandbox, u: Unit, calib: Calibration): Promise<void> {
  if (u.reads) return runReads(sb, u.host, u.ns, u.cmds as QueuedRead[], (c, e, g) => new SpeculationMiss(c, e, g));
  if (u.batch && u.cmds.length > 1) return runBatch(sb, u, calib);
  const c = u.cmds[0]!;
  const r = await sb.exec(c.host, c.argv);
  if (r.exit !== c.expect.exit || r.stdout !== c.expect.stdout || r.stderr !== c.expect.stderr) throw new SpeculationMiss(c.command, c.expect, r);
  const k = c.fails !== undefined ? calib.get(c.fails) : undefined;
  if (k && k.unit === u) k.exit = r.exit;
}

/**
 * One `ip -batch`. With predicted failures in it, `-force` runs on past them and marks each
 * with "Command failed -:LINE" after its message: the whole stderr must be the predicted
 * messages, each followed by its mark, and nothing for the commands predicted to succeed.
 */
async function runBatch(sb: Sandbox, u: Unit, calib: Calibration): Promise<void> {
  const failing = u.cmds.some((c) => c.fails !== undefined);
  const argv = [...(u.ns === null ? ['ip'] : ['ip', '-n', u.ns]), ...(failing ? ['-force'] : []), '-batch', '-'];
  const r = await sb.exec(u.host, argv, { input: `${u.cmds.map((c) => c.batch!).join('\n')}\n` });
  const want = u.cmds.map((c, i) => (c.fails !== undefined ? `${c.expect.stderr}Command failed -:${i + 1}\n` : '')).join('');
  if (r.exit !== (failing ? 1 : 0) || r.stdout !== '' || r.stderr !== want) throw new SpeculationMiss(u.cmds[0]!.command, { exit: failing ? 1 : 0, stdout: '', stderr: want }, r);
  for (const c of u.cmds) {
    if (c.fails === undefined) continue;
    // the status this shape showed alone (that run is done: the batch waited for it)
    const exit = calib.get(c.fails)?.exit;
    if (exit !== c.expect.exit) throw new SpeculationMiss(c.command, c.expect, { exit: exit ?? -1, stdout: '', stderr: c.expect.stderr });
  }
}
