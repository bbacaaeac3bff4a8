/**
 * Whether real mode can run here, as sentences a user can act on: not Linux, not root, no
 * network namespaces, no bubblewrap, a missing tool (with the Debian package that has it). The
 * CLI prints them and exits 2; nothing here throws on its own. There is no weaker fallback: without
 * bubblewrap, real mode does not run.
 */
import * as fs from 'node:fs';
import { SANDBOX_PATH } from './sandbox-bwrap.js';

/**
 * Real mode is not possible here (not Linux, not root, a tool missing); the message says why.
 *
 * @example
 * try {
 *   await (await Sandbox.open({ hosts: ['h'] })).close();
 * } catch (e) {
 *   if (e instanceof PreconditionError) console.error(`real mode unavailable: ${e.message}`);
 * }
 */
export class PreconditionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PreconditionError';
  }
}

/** Problems starting with this do not prevent real mode. */
export const WARNING_PREFIX = 'warning: ';

const STANDARD_PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** $PATH plus the standard system directories (sudo and cron strip sbin from PATH). */
export function searchPath(): string[] {
  const dirs = (process.env.PATH ?? '').split(':').filter((d) => d.startsWith('/'));
  for (const d of STANDARD_PATH) if (!dirs.includes(d)) dirs.push(d);
  return dirs;
}

/** The first executable file `cmd` in $PATH and the standard folders. */
export function which(cmd: string): string | null {
  return whichIn(searchPath(), cmd);
}

/** The first executable file `cmd` in these folders. */
export function whichIn(dirs: readonly string[], cmd: string): string | null {
  for (const dir of dirs) {
    const p = `${dir}/${cmd}`;
    try {
      fs.accessSync(p, fs.constants.X_OK);
      if (fs.statSync(p).isFile()) return p;
    } catch {
      // next
    }
  }
  return null;
}

/**
 * What the checks look at; tests pass their own.
 *
 * @example checkPreconditions({ ...hostFacts(), platform: 'darwin' }) // ['not Linux (platform is darwin): …']
 */
export interface HostFacts {
  platform: string;
  euid: number;
  /** Where a tool is on the machine's PATH, or null. */
  which: (cmd: string) => string | null;
  /** Whether a path exists. */
  exists: (path: string) => boolean;
  /** Where a tool is inside the sandbox, which sees only SANDBOX_PATH of the machine (default: `which`). */
  whichInSandbox?: (cmd: string) => string | null;
}

export function hostFacts(): HostFacts {
  return {
    platform: process.platform,
    euid: typeof process.geteuid === 'function' ? process.geteuid() : -1,
    which,
    exists: (p) => fs.existsSync(p),
    whichInSandbox: (cmd) => whichIn(SANDBOX_PATH, cmd),
  };
}

/** The program that holds the sandbox, run on the machine. */
export const SANDBOX_TOOL: readonly [string, string] = ['bwrap', 'bubblewrap'];

/** [command, Debian package] real mode runs inside the sandbox (found in SANDBOX_PATH). */
export const REQUIRED_TOOLS: ReadonlyArray<readonly [string, string]> = [
  ['unshare', 'util-linux'],
  ['nsenter', 'util-linux'],
  ['mount', 'mount'],
  ['sleep', 'coreutils'],
  ['cat', 'coreutils'],
  ['xargs', 'findutils'],
  ['ip', 'iproute2'],
  ['bridge', 'iproute2'],
  ['ping', 'iputils-ping'],
  ['sysctl', 'procps'],
];

/**
 * Human-readable problems that prevent real mode; empty when OK. Entries starting with
 * "warning: " (a missing socat) do not prevent it, but still make the list non-empty.
 *
 * @example checkPreconditions({ ...hostFacts(), euid: 1000 })[0] // 'not root (effective uid 1000): …'
 */
export function checkPreconditions(facts: HostFacts = hostFacts()): string[] {
  const problems: string[] = [];
  if (facts.platform !== 'linux') {
    problems.push(`not Linux (platform is ${facts.platform}): real mode needs Linux network namespaces`);
    return problems;
  }
  if (facts.euid !== 0) {
    problems.push(`not root (effective uid ${facts.euid}): real mode creates network namespaces and must run as root (e.g. sudo)`);
  }
  if (!facts.exists('/proc/self/ns/net')) {
    problems.push('the kernel does not expose network namespaces (/proc/self/ns/net missing)');
  }
  if (!facts.which(SANDBOX_TOOL[0])) {
    problems.push(`missing \`${SANDBOX_TOOL[0]}\` (install the Debian package ${SANDBOX_TOOL[1]}): real mode runs only inside a bubblewrap sandbox`);
  }
  const inSandbox = facts.whichInSandbox ?? facts.which;
  for (const [cmd, pkg] of REQUIRED_TOOLS) {
    if (inSandbox(cmd)) continue;
    const elsewhere = inSandbox === facts.which ? null : facts.which(cmd);
    problems.push(
      elsewhere
        ? `\`${cmd}\` is ${elsewhere}, outside what the sandbox sees (${SANDBOX_PATH.join(', ')}): install the Debian package ${pkg}`
        : `missing \`${cmd}\` (install the Debian package ${pkg})`,
    );
  }
  if (!inSandbox('socat')) {
    problems.push(`${WARNING_PREFIX}missing \`socat\` (install the Debian package socat): socat lines are reported unsupported in real mode anyway`);
  }
  return problems;
}

/**
 * Throws a PreconditionError listing every blocking problem; returns the warnings.
 *
 * @example for (const w of requireRealMode()) console.error(`nettwin: ${w}`);
 */
export function requireRealMode(facts: HostFacts = hostFacts(), extra: string[] = []): string[] {
  const all = [...checkPreconditions(facts), ...extra];
  const blocking = all.filter((p) => !p.startsWith(WARNING_PREFIX));
  if (blocking.length > 0) throw new PreconditionError(`real mode is not possible on this machine:\n  - ${blocking.join('\n  - ')}`);
  return all.filter((p) => p.startsWith(WARNING_PREFIX));
}

/**
 * Extra checks for `--persist`: the machine's /run must take /run/netns (iproute2 makes it a
 * shared mount point there).
 *
 * @example requireRealMode(undefined, persistProblems())
 */
export function persistProblems(facts: HostFacts = hostFacts()): string[] {
  const out: string[] = [];
  if (!facts.exists('/run')) out.push('/run does not exist: named namespaces (/run/netns) cannot be made');
  else {
    try {
      fs.accessSync(facts.exists('/run/netns') ? '/run/netns' : '/run', fs.constants.W_OK);
    } catch {
      out.push('/run/netns is not writable: named namespaces cannot be made');
    }
  }
  return out;
}
