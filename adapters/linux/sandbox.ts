/**
 * The throwaway sandbox that real mode runs in.
 *
 * One child process: `bwrap … -- node --input-type=module -e AGENT_SOURCE` (the command line
 * and what the sandbox sees of the machine: sandbox-bwrap.ts). The agent is PID 1 of a fresh
 * PID namespace, in fresh network, mount, UTS, IPC and cgroup namespaces, on a read-only root
 * that holds only the machine's programs and libraries and a few files of /etc, with private
 * tmpfs on /tmp, /run, /run/netns and /dev/shm, and its own /proc and /sys. It speaks
 * newline-delimited JSON on stdin/stdout.
 *
 * When the parent dies, the agent's stdin reaches EOF and it exits, and bwrap's
 * `--die-with-parent` SIGKILLs it anyway; being PID 1, its exit makes the kernel kill every
 * other process of the sandbox, and the namespaces (with any netns bind-mounted inside) are
 * released. If the bwrap process itself is killed, `--die-with-parent` SIGKILLs the agent.
 *
 * Nothing here ever adds addresses, routes or links to the machine's own namespaces: every
 * command runs inside the sandbox, and the agent refuses to start if it shares a network,
 * mount, UTS or IPC namespace with its parent, or if its root is writable.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { AGENT_SOURCE } from './sandbox-agent.js';
import { bwrapCommand, SANDBOX_PATH } from './sandbox-bwrap.js';
import { checkPreconditions, PreconditionError, which, WARNING_PREFIX } from './preconditions.js';
import { umlHazard } from './kernel-notes.js';
import { launchUml, UML_LINE_MAX, UML_READY, umlProblems, type UmlLaunch } from './sandbox-uml.js';
import { installExitHook, live, liveUml } from './sandbox-exit.js';
import type { BackgroundStatus, CableEnd, ExecOptions, ExecResult, SandboxKernel, SandboxOptions } from './sandbox-types.js';
import { MODELLED_SIGNALS } from '../../sim/processes.js';

// The checks live in preconditions.ts; re-exported here for existing importers.
export { checkPreconditions, PreconditionError };

export type { BackgroundStatus, CableEnd, ExecOptions, ExecResult, SandboxKernel, SandboxOptions } from './sandbox-types.js';
export { sandboxKernelFor } from './sandbox-types.js';

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

type NsKind = 'net' | 'mnt' | 'uts' | 'ipc';
function readNs(kind: NsKind): string | undefined {
  try {
    return fs.readlinkSync(`/proc/self/ns/${kind}`);
  } catch {
    return undefined;
  }
}

const HOST_NAME = /^[^\0]+$/;

/** The signals a job may be sent: the ones the simulator's processes model (sim/processes.ts). */
const SIGNALS: ReadonlySet<number> = MODELLED_SIGNALS;

/**
 * A throwaway sandbox for real mode (root on Linux): each host a network namespace inside a
 * private network, mount and PID namespace. Everything in it goes when it closes, or when this
 * process dies.
 *
 * @example
 * const sandbox = await Sandbox.open({ hosts: ['node1'] });
 * try {
 *   (await sandbox.exec('node1', ['ip', '-br', 'link'])).stdout;
 * } finally {
 *   await sandbox.close();
 * }
 */
export class Sandbox {
  readonly hosts: readonly string[];
  private readonly commandTimeoutMs: number;
  private readonly child: ChildProcess;
  private readonly stdin: Writable;
  private readonly pending = new Map<number, Pending>();
  private seq = 1;
  private lineBuf = '';
  private stderrTail = '';
  private exitInfo: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  private readonly exited: Promise<void>;
  private closePromise: Promise<void> | null = null;
  private _startupMs = 0;
  private _hostPids: Record<string, number> = {};
  /** the UML kernel holding the sandbox (kernel `uml`) */
  private readonly uml: UmlLaunch | null = null;
  /** requests wait for this: UML's serial line must be raw before anything is written to it */
  private readonly ready: Promise<void>;
  private markReady: () => void = () => undefined;

  private constructor(hosts: string[], commandTimeoutMs: number, kernel: SandboxKernel) {
    this.hosts = Object.freeze([...hosts]);
    this.commandTimeoutMs = commandTimeoutMs;
    const env = { PATH: SANDBOX_PATH.join(':'), LC_ALL: 'C' };
    const cmd = bwrapCommand([process.execPath, '--input-type=module', '-e', AGENT_SOURCE]);
    const data = kernel === 'uml' ? [] : cmd.data;
    if (kernel === 'uml') {
      this.uml = launchUml({ bwrap: bwrapCommand([]), node: process.execPath, agent: AGENT_SOURCE });
      liveUml.add(this.uml);
      this.child = this.uml.child;
      this.ready = new Promise<void>((resolve) => {
        this.markReady = resolve;
      });
    } else {
      this.child = spawn(which('bwrap') ?? 'bwrap', cmd.argv, {
        stdio: ['pipe', 'pipe', 'pipe', ...data.map(() => 'pipe' as const)],
        env,
        cwd: '/',
      });
      this.ready = Promise.resolve();
    }
    // bwrap reads these (made-up /etc files) before the sandbox starts
    data.forEach((text, i) => {
      const s = this.child.stdio[3 + i] as Writable | null;
      s?.on('error', () => {
        // bwrap closed it early: its own error comes through 'exit'
      });
      s?.end(text);
      (s as unknown as { unref?: () => void } | null)?.unref?.();
    });
    live.add(this.child);
    installExitHook();
    const stdin = this.child.stdin as Writable;
    const stdout = this.child.stdout as Readable;
    const stderr = this.child.stderr as Readable;
    this.stdin = stdin;
    stdin.on('error', () => {
      // EPIPE after the agent died; reported through 'exit'
    });
    stdout.setEncoding('utf8');
    stdout.on('data', (chunk: string) => this.onData(chunk));
    stderr.setEncoding('utf8');
    stderr.on('data', (chunk: string) => {
      if (process.env.NETTWIN_SANDBOX_DEBUG === '1') process.stderr.write(chunk);
      this.stderrTail = (this.stderrTail + chunk).slice(-4000);
    });
    this.exited = new Promise<void>((resolve) => {
      const done = (code: number | null, signal: NodeJS.Signals | null) => {
        if (this.exitInfo) return;
        this.exitInfo = { code, signal };
        live.delete(this.child);
        if (this.uml) {
          this.uml.kill(); // the rest of its process group
          liveUml.delete(this.uml);
        }
        const why = this.describeExit();
        for (const [id, p] of this.pending) {
          clearTimeout(p.timer);
          p.reject(new Error(why));
          this.pending.delete(id);
        }
        resolve();
      };
      this.child.on('exit', done);
      this.child.on('error', (e) => {
        this.stderrTail += `\n${e.message}`;
        done(null, null);
      });
    });
    // Never keep the parent alive just because a sandbox exists: pending requests hold
    // their own (ref'd) timers, and stdin EOF at parent exit ends the agent.
    this.child.unref();
    for (const s of [stdin, stdout, stderr]) (s as unknown as { unref?: () => void }).unref?.();
  }

  /** Open a sandbox. Throws PreconditionError if real mode is not possible here. */
  static async open(opts: SandboxOptions): Promise<Sandbox> {
    const hosts = opts.hosts;
    if (!Array.isArray(hosts) || hosts.length === 0) throw new Error('Sandbox.open: at least one host is required');
    if (new Set(hosts).size !== hosts.length) throw new Error(`Sandbox.open: duplicate host names in ${JSON.stringify(hosts)}`);
    for (const h of hosts) {
      if (typeof h !== 'string' || !HOST_NAME.test(h)) throw new Error(`Sandbox.open: bad host name ${JSON.stringify(h)}`);
    }
    const kernel = opts.kernel ?? 'host';
    const problems = [...checkPreconditions().filter((p) => !p.startsWith(WARNING_PREFIX)), ...(kernel === 'uml' ? umlProblems() : [])];
    if (problems.length > 0) {
      throw new PreconditionError(`real mode${kernel === 'uml' ? ' on user-mode Linux' : ''} is not possible on this machine:\n  - ${problems.join('\n  - ')}`);
    }
    const t0 = performance.now();
    const sb = new Sandbox(hosts, opts.commandTimeoutMs ?? 30_000, kernel);
    try {
      const parentNs = Object.fromEntries((['net', 'mnt', 'uts', 'ipc'] as const).map((k) => [k, readNs(k)]));
      // UML: boot, then Node's start inside it (~2.5 s alone, several times that on a busy machine)
      const init = kernel === 'uml' ? { op: 'init', hosts, parentNs, setupTimeoutMs: 60_000, hostsAtOnce: 4 } : { op: 'init', hosts, parentNs };
      const r = (await sb.request(init, kernel === 'uml' ? 120_000 + 2_000 * hosts.length : 20_000)) as {
        hosts: Record<string, number>;
      };
      sb._hostPids = r.hosts;
    } catch (e) {
      await sb.close();
      const msg = e instanceof Error ? e.message : String(e);
      throw new PreconditionError(`could not start the real-mode sandbox: ${msg}`);
    }
    sb._startupMs = performance.now() - t0;
    return sb;
  }

  /** With kernel `uml`: the PID namespace of the jail that holds UML (every process of the run is in it); for diagnostics and tests. */
  get umlPidNamespace(): string | null {
    return this.uml?.pidNamespace() ?? null;
  }

  /** The kernel the sandbox runs on. */
  get kernel(): SandboxKernel {
    return this.uml ? 'uml' : 'host';
  }

  /** Milliseconds from spawning the sandbox until it (and all its hosts) was ready. */
  get startupMs(): number {
    return this._startupMs;
  }

  /** PID (on the machine) of the `bwrap` process that holds the sandbox (its only child is the agent); for diagnostics. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** PID inside the sandbox's PID namespace of the process holding each host's namespaces. */
  get hostPids(): Readonly<Record<string, number>> {
    return this._hostPids;
  }

  /** Is the sandbox still running (not closed, agent alive)? */
  get isOpen(): boolean {
    return this.exitInfo === null && this.closePromise === null;
  }

  /**
   * Run argv (argv[0] resolved via PATH, no shell) in the host's network and mount namespace,
   * as root, with env LC_ALL=C, cwd /. stdout/stderr are the exact UTF-8 text; a signal gives
   * exit 128+n; a timeout kills the command and gives exit 124 with timedOut true.
   */
  async exec(host: string, argv: string[], opts?: ExecOptions): Promise<ExecResult> {
    this.checkHost(host);
    checkArgv(argv);
    const hazard = this.hazard(argv, opts?.input);
    if (hazard) return hazard;
    const timeoutMs = opts?.timeoutMs ?? this.commandTimeoutMs;
    const msg: Record<string, unknown> = { op: 'exec', host, argv, timeoutMs };
    if (opts?.input !== undefined) msg.input = opts.input;
    return (await this.request(msg, timeoutMs + 10_000)) as ExecResult;
  }

  /**
   * Run argv in the sandbox's own root namespace: in a multi-host sandbox that is the machine
   * room between the hosts (switches, stub links), never the machine's own namespace.
   */
  async execRoot(argv: string[], opts?: ExecOptions): Promise<ExecResult> {
    checkArgv(argv);
    const hazard = this.hazard(argv, opts?.input);
    if (hazard) return hazard;
    const timeoutMs = opts?.timeoutMs ?? this.commandTimeoutMs;
    const msg: Record<string, unknown> = { op: 'exec', host: '', argv, timeoutMs };
    if (opts?.input !== undefined) msg.input = opts.input;
    return (await this.request(msg, timeoutMs + 10_000)) as ExecResult;
  }

  /**
   * Several `ip -n NS -batch` runs in the host's named namespaces, `parallel` at a time, started
   * by one xargs inside the sandbox (a process start from the agent costs more than the
   * batch): the result of them all, exit 0 and nothing printed when every one ran clean.
   */
  async execUnits(
    host: string,
    units: { ns: string; lines: string }[],
    parallel: number,
    opts?: { timeoutMs?: number /** ip's options before `-n` (e.g. `-j`) */; options?: string[] },
  ): Promise<ExecResult> {
    if (host !== '') this.checkHost(host);
    const options = opts?.options ?? [];
    for (const u of units) {
      checkArgv(['ip', ...options, '-n', u.ns]);
      const hazard = this.hazard(['ip', '-batch', '-'], u.lines);
      if (hazard) return hazard;
    }
    const timeoutMs = opts?.timeoutMs ?? this.commandTimeoutMs;
    return (await this.request({ op: 'units', host, units, parallel, timeoutMs, options }, timeoutMs + 10_000)) as ExecResult;
  }

  /** Start a long-running process in the host; it is killed when the sandbox closes. */
  async spawnBackground(host: string, argv: string[], opts: { emptyCwd?: boolean } = {}): Promise<{ id: number }> {
    this.checkHost(host);
    checkArgv(argv);
    return (await this.request({ op: 'spawn', host, argv, emptyCwd: opts.emptyCwd === true }, 10_000)) as { id: number };
  }

  /**
   * Sends a signal (HUP, INT, KILL or TERM, by number) to a process started with
   * `spawnBackground` and to its process group; nothing else can be named.
   */
  async signalBackground(id: number, signo: number): Promise<void> {
    if (!Number.isInteger(id) || id <= 0) throw new Error(`bad background process id: ${id}`);
    if (!SIGNALS.has(signo)) throw new Error(`signal ${signo} is not one kill may send here`);
    await this.request({ op: 'signal', bg: id, signal: signo }, 10_000);
  }

  /** Whether a process started with `spawnBackground` still runs, and what it printed so far. */
  async backgroundStatus(id: number): Promise<BackgroundStatus> {
    return (await this.request({ op: 'status', bg: id }, 10_000)) as BackgroundStatus;
  }

  /**
   * A veth pair whose ends are created directly inside the two hosts' network namespaces with
   * the given names (`ip link add A netns <pidA> type veth peer name B netns <pidB>`, run from
   * the sandbox root). Both ends are left DOWN with no addresses.
   */
  async cable(a: CableEnd, b: CableEnd): Promise<ExecResult> {
    this.checkHost(a.host);
    this.checkHost(b.host);
    for (const end of [a, b]) {
      if (typeof end.ifname !== 'string' || end.ifname.length === 0) {
        throw new Error(`cable: bad interface name ${JSON.stringify(end.ifname)}`);
      }
    }
    const timeoutMs = this.commandTimeoutMs;
    return (await this.request({ op: 'cable', a, b, timeoutMs }, timeoutMs + 10_000)) as ExecResult;
  }

  /** End everything in the sandbox and wait until it is gone. Idempotent. */
  close(): Promise<void> {
    if (!this.closePromise) this.closePromise = this.doClose();
    return this.closePromise;
  }

  private async doClose(): Promise<void> {
    if (this.exitInfo) return;
    if (this.uml) {
      // a throwaway kernel: nothing in it needs an orderly end (a power-off can take tens of seconds)
      this.uml.kill();
      const hold = setInterval(() => undefined, 1000); // ref'd: the child is unref'd, wait for its exit
      await this.exited;
      await this.uml.gone();
      clearInterval(hold);
      return;
    }
    try {
      this.stdin.end(`${JSON.stringify({ id: 0, op: 'close' })}\n`);
    } catch {
      // agent already gone
    }
    // Fallback: SIGKILL bwrap; --die-with-parent then SIGKILLs the agent (PID 1), which takes
    // the whole PID namespace with it. This timer is ref'd, so the parent waits for the exit.
    let timer: NodeJS.Timeout | undefined = setTimeout(() => {
      timer = undefined;
      try {
        this.child.kill('SIGKILL');
      } catch {
        // gone
      }
    }, 3000);
    await this.exited;
    if (timer) clearTimeout(timer);
  }

  /** A command this kernel must not be given (kernel-notes.ts), answered without running it. */
  private hazard(argv: string[], input?: string): ExecResult | null {
    const why = this.uml ? umlHazard(argv, input) : null;
    return why ? { exit: 2, stdout: '', stderr: why } : null;
  }

  private checkHost(host: string): void {
    if (!this.hosts.includes(host)) {
      throw new Error(`unknown host ${JSON.stringify(host)} (sandbox hosts: ${this.hosts.join(', ')})`);
    }
  }

  private describeExit(): string {
    const info = this.exitInfo;
    const how = info ? (info.signal ? `signal ${info.signal}` : `code ${info.code}`) : 'unknown status';
    const tail = this.stderrTail.trim();
    return `sandbox agent exited (${how})${tail ? `: ${tail}` : ''}`;
  }

  private request(msg: Record<string, unknown>, backstopMs: number): Promise<unknown> {
    if (this.exitInfo) return Promise.reject(new Error(this.describeExit()));
    if (this.closePromise) return Promise.reject(new Error('sandbox is closed'));
    const id = this.seq++;
    return new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`sandbox agent did not answer '${String(msg.op)}' within ${backstopMs} ms`));
      }, backstopMs);
      this.pending.set(id, { resolve, reject, timer });
      const line = JSON.stringify({ ...msg, id });
      void this.ready.then(() => {
        if (this.exitInfo) return;
        try {
          this.stdin.write(`${this.uml && line.length > UML_LINE_MAX ? this.uml.spill(line) : line}\n`);
        } catch (e) {
          this.stderrTail += `\n${e instanceof Error ? e.message : String(e)}`;
        }
      });
    });
  }

  private onData(chunk: string): void {
    this.lineBuf += chunk;
    let i: number;
    while ((i = this.lineBuf.indexOf('\n')) >= 0) {
      const line = this.lineBuf.slice(0, i);
      this.lineBuf = this.lineBuf.slice(i + 1);
      if (!line.trim()) continue;
      if (this.uml && line.trim() === UML_READY) {
        this.markReady();
        continue;
      }
      let msg: { id?: number; result?: unknown; error?: string };
      try {
        msg = JSON.parse(line) as typeof msg;
      } catch {
        this.stderrTail = `${this.stderrTail}\n[bad agent line] ${line.slice(0, 200)}`.slice(-4000);
        continue;
      }
      const p = typeof msg.id === 'number' ? this.pending.get(msg.id) : undefined;
      if (!p || msg.id === undefined) continue;
      this.pending.delete(msg.id);
      clearTimeout(p.timer);
      if (typeof msg.error === 'string') p.reject(new Error(msg.error));
      else p.resolve(msg.result);
    }
  }
}

function checkArgv(argv: string[]): void {
  if (!Array.isArray(argv) || argv.length === 0 || !argv.every((a) => typeof a === 'string')) {
    throw new Error(`argv must be a non-empty array of strings, got ${JSON.stringify(argv)}`);
  }
  if (argv.some((a) => a.includes('\0'))) throw new Error('argv must not contain NUL characters');
}
