/** The sandbox's public shapes: what a command answered, how a sandbox is opened, which kernel it runs on. */
import { UML_PROFILE } from './sandbox-uml.js';

/**
 * What a command run in the sandbox printed, and its exit status (124 with `timedOut` when it was killed).
 *
 * @example
 * const r: ExecResult = await sandbox.exec('node1', ['ip', '-br', 'link']);
 * if (r.exit !== 0) console.error(r.stderr);
 */
export interface ExecResult {
  exit: number;
  stdout: string;
  stderr: string;
  timedOut?: boolean;
}

/**
 * The hosts a sandbox holds (one network namespace each) and how long a command may take.
 *
 * @example
 * const sandbox = await Sandbox.open({ hosts: ['node1', 'node2'], commandTimeoutMs: 10_000 });
 */
export interface SandboxOptions {
  hosts: string[];
  /** default 30000 */
  commandTimeoutMs?: number;
  /** `host` (default): this machine's kernel; `uml`: a throwaway user-mode Linux kernel (sandbox-uml.ts) */
  kernel?: SandboxKernel;
}

/** Which kernel a sandbox runs on: this machine's, or a throwaway user-mode Linux (Debian's 6.1). */
export type SandboxKernel = 'host' | 'uml';

/** The sandbox kernel of a kernel profile: `--kernel uml` runs real mode on user-mode Linux, any other on this machine. */
export function sandboxKernelFor(profile?: { name: string }): SandboxKernel {
  return profile?.name === UML_PROFILE ? 'uml' : 'host';
}

export interface ExecOptions {
  /** Kill the command (SIGKILL to its process group) after this long; result has exit 124, timedOut true. */
  timeoutMs?: number;
  /** Text written to the command's stdin (otherwise stdin is /dev/null). */
  input?: string;
}

export interface BackgroundStatus {
  running: boolean;
  exit: number | null;
  stdout: string;
  stderr: string;
}

export interface CableEnd {
  host: string;
  ifname: string;
}
