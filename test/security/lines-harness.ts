/**
 * What the hostile-line suites need around a run: bait (a folder of canaries and a secret file
 * the test creates and removes), the machine's state before and after (hostname, links, routes,
 * the sysctls hostile lines aim at, named namespaces), and the CLI run as a user runs it, with
 * every process it started followed until it is gone.
 */
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectRoot } from '../real/cases.js';
import type { Step } from '../../src/exec/step.js';

export interface Bait {
  dir: string;
  /** a mode-600 file holding `token` */
  secret: string;
  token: string;
  /** files that exist with known content: an append or overwrite must not change them */
  existing: string[];
  /** where a canary would appear (the folder holds nothing else) */
  canary: (name: string) => string;
  /** the folder as the test left it: names and contents */
  listing(): string;
  remove(): void;
}

/** A fresh bait folder under the system's temp folder. */
export function makeBait(): Bait {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-sec-'));
  fs.chmodSync(dir, 0o755);
  const token = `SECRET-${randomBytes(12).toString('hex')}`;
  const secret = path.join(dir, 'secret');
  fs.writeFileSync(secret, `${token}\n`, { mode: 0o600 });
  const existing = ['append-target', 'overwrite-target'].map((n) => path.join(dir, n));
  for (const f of existing) fs.writeFileSync(f, 'original\n');
  const listing = () =>
    fs
      .readdirSync(dir)
      .sort()
      .map((n) => `${n}: ${JSON.stringify(fs.readFileSync(path.join(dir, n), 'utf8'))}`)
      .join('\n');
  return { dir, secret, token, existing, canary: (n) => path.join(dir, `canary-${n}`), listing, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

function read(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    return `<${(e as Error).message}>`;
  }
}

function cmd(argv: string[]): string {
  try {
    return execFileSync(argv[0], argv.slice(1), { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    return `<${argv.join(' ')} failed: ${(e as Error).message}>`;
  }
}

/** The sysctls hostile lines aim at, read on the machine itself. */
export const WATCHED_SYSCTLS = [
  'kernel/hostname',
  'kernel/domainname',
  'kernel/printk_ratelimit',
  'net/ipv4/ip_forward',
  'net/ipv4/conf/all/rp_filter',
  'net/ipv4/conf/default/rp_filter',
  'net/ipv6/conf/all/forwarding',
];

/** The machine's own state a run must leave as it found it (read-only, outside any sandbox). */
export function machineState(): string {
  return [
    `hostname: ${cmd(['hostname'])}`,
    ...WATCHED_SYSCTLS.map((k) => `${k}: ${read(`/proc/sys/${k}`)}`),
    `# ip netns list\n${cmd(['ip', 'netns', 'list'])}`,
    `# ip -o link\n${cmd(['ip', '-o', 'link'])}`,
    `# ip route show table all\n${cmd(['ip', 'route', 'show', 'table', 'all'])}`,
    // a route learnt from a router advertisement counts its lifetime down: not a change
    `# ip -6 route show table all\n${cmd(['ip', '-6', 'route', 'show', 'table', 'all']).replace(/ expires \d+sec/g, '')}`,
  ].join('\n');
}

/** pid -> [parent pid, start time] of every process of the machine. */
function processes(): Map<number, [number, string]> {
  const out = new Map<number, [number, string]>();
  for (const e of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${e}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(e), [Number(f[1]), f[19]]);
    } catch {
      // gone
    }
  }
  return out;
}

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
  /** processes the run started (pid and start time), seen while it ran */
  started: number;
  /** those still running after the CLI exited and 3 s passed */
  leftover: string[];
}

/**
 * `nettwin ARGS` as a user runs it (through tsx from the source), following the processes it
 * starts: every 50 ms its descendants are recorded, and after it exits each must be gone.
 */
export async function runCli(args: string[]): Promise<CliRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: projectRoot, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const seen = new Map<number, string>();
  const sample = () => {
    const procs = processes();
    const mine = new Set([child.pid!]);
    // parents come before children in most scans, but not always: repeat until stable
    for (let grew = true; grew; ) {
      grew = false;
      for (const [pid, [ppid]] of procs) {
        if (mine.has(ppid) && !mine.has(pid)) {
          mine.add(pid);
          grew = true;
        }
      }
    }
    for (const pid of mine) if (pid !== child.pid && procs.has(pid)) seen.set(pid, procs.get(pid)![1]);
  };
  const timer = setInterval(sample, 50);
  const status = await new Promise<number>((res) => child.on('close', (code, sig) => res(code ?? 128 + (sig ? os.constants.signals[sig] : 0))));
  clearInterval(timer);
  const alive = () => {
    const procs = processes();
    return [...seen].filter(([pid, start]) => procs.get(pid)?.[1] === start).map(([pid]) => `${pid}: ${read(`/proc/${pid}/cmdline`).replace(/\0/g, ' ')}`);
  };
  const deadline = Date.now() + 3000;
  while (alive().length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return { status, stdout, stderr, started: seen.size, leftover: alive() };
}

/** The steps of a `run --json` document. */
export function stepsOf(run: CliRun): Step[] {
  return (JSON.parse(run.stdout) as { steps: Step[] }).steps;
}

/**
 * A step as both modes must agree on it: command, classification, status, and any refusal's
 * words. A line the simulator does not model has only the kernel's answer in real mode: its
 * classification must agree, its answer cannot.
 */
export function classification(s: Step): string {
  const kernelOnly = s.modelled === false;
  return JSON.stringify([s.line, s.command, s.supported, s.modelled ?? null, kernelOnly ? 'kernel' : s.exit, s.supported || kernelOnly ? '' : s.stderr]);
}
