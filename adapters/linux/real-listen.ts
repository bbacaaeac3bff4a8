/**
 * Listeners on the kernel (`nc -l 8080 &`, `python3 -m http.server 8000 &`), run as the
 * simulator runs them (src/programs/l4/): in the background the command returns once the
 * program listens on its port — seen in /proc/net/tcp (or /proc/net/udp for `nc -u -l`) — or has
 * exited, so that the next command (`curl`, `nc -z`) does not race the listener's setup.
 * http.server runs in a private empty folder of the sandbox (the page it serves lists nothing).
 */
import type { Outcome } from '../../src/exec/outcome.js';
import type { Invocation } from '../../src/exec/invocation.js';
import { addRealJob } from './real-jobs.js';
import type { Sandbox } from './sandbox.js';

const SETUP_LIMIT_MS = 3000;
const POLL_MS = 5;

type ProgramInvocation = Extract<Invocation, { kind: 'program' }>;

/** The port a listener line binds, and whether it is UDP; null when it names none nettwin can read. */
export function listenPort(program: string, argv: readonly string[]): { port: number; udp: boolean } | null {
  if (program === 'python3') {
    const n = argv.slice(2).find((a, i, all) => /^\d+$/.test(a) && all[i - 1] !== '--bind' && all[i - 1] !== '-b');
    return { port: n !== undefined ? Number(n) : 8000, udp: false };
  }
  let port: number | null = null;
  let udp = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('-')) {
      if (a.includes('u')) udp = true;
      const p = a.indexOf('p');
      if (p > 0) port = Number(p + 1 < a.length ? a.slice(p + 1) : argv[++i]);
      else if (/[wsqIiMmOPTVWXx]$/.test(a)) i++;
      continue;
    }
    if (/^\d+$/.test(a)) port = Number(a);
  }
  return port === null || !(port > 0) ? null : { port, udp };
}

/** Whether the namespace has a socket listening (TCP state 0A, or any bound UDP socket) on the port. */
async function listening(sb: Sandbox, sbHost: string, prefix: string[], port: number, udp: boolean): Promise<boolean> {
  const r = await sb.exec(sbHost, [...prefix, 'cat', udp ? '/proc/net/udp' : '/proc/net/tcp']);
  const hex = `:${port.toString(16).toUpperCase().padStart(4, '0')} `;
  return r.stdout
    .split('\n')
    .slice(1)
    .some((l) => {
      const f = l.trim().split(/\s+/);
      return f[1]?.endsWith(hex.trim()) && (udp || f[3] === '0A');
    });
}

/**
 * Starts a listener line in the background in the sandbox host `sbHost` and waits until it
 * listens or exits.
 *
 * @example
 * await execListenReal(sandbox, 'node1', inv, { host: 'node1', line: 4, command: 'nc -l 8080 &' });
 */
export async function execListenReal(sb: Sandbox, sbHost: string, inv: ProgramInvocation, src: { host: string; line: number; command: string }): Promise<Outcome> {
  const prefix = inv.wrappers.flatMap((w) => w.argv);
  const argv = [...prefix, inv.program, ...inv.argv];
  const { id } = await sb.spawnBackground(sbHost, argv, { emptyCwd: inv.program === 'python3' });
  addRealJob(sb, { id, host: src.host, line: src.line, command: src.command });
  const want = listenPort(inv.program, inv.argv);
  const deadline = Date.now() + SETUP_LIMIT_MS;
  while (want && Date.now() < deadline) {
    const st = await sb.backgroundStatus(id);
    if (!st.running) break;
    if (await listening(sb, sbHost, prefix, want.port, want.udp)) break;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  return { exit: 0, stdout: '', stderr: '', supported: true, job: id };
}
