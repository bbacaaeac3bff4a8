/**
 * socat on the kernel, run as the simulator runs it (src/programs/socat/socat.ts): only command lines
 * the model covers; in the background the command returns once socat is set up — its tun holds
 * its address (and is up, with `iff-up`), its socket is bound and connected — or has exited,
 * so that the next command does not race socat's setup (on the kernel `socat … &` followed at
 * once by `ip link set tun up` finds no device about half the time). In the foreground socat
 * gets `FOREGROUND_LIMIT_MS`, then is ended and the line reported as not modelled.
 */
import { FOREGROUND_LIMIT_MS, socatUnsupported } from '../../src/programs/socat/socat.js';
import { parseSocatAddress, parseSocatArgv, type SocatAddress } from '../../src/programs/socat/address.js';
import type { Outcome } from '../../src/exec/outcome.js';
import type { Invocation } from '../../src/exec/invocation.js';
import { addRealJob } from './real-jobs.js';
import type { Sandbox } from './sandbox.js';

/** How long setup may take before the driver stops waiting for it. */
const SETUP_LIMIT_MS = 3000;
const POLL_MS = 5;

type ProgramInvocation = Extract<Invocation, { kind: 'program' }>;

/** The modelled addresses, in order; null when the command line itself is refused. */
function addresses(argv: string[]): SocatAddress[] | null {
  const cl = parseSocatArgv(argv);
  if (cl.kind !== 'ok') return null;
  const out: SocatAddress[] = [];
  for (const a of cl.addresses) {
    const p = parseSocatAddress(a);
    if (p.kind !== 'ok') break;
    out.push(p.address);
  }
  return out;
}

/** An IPv4 address and port as /proc/net/udp prints them (little-endian hex, then the port). */
function procAddr(ip: number, port: number): string {
  const le = (((ip & 255) << 24) | (((ip >>> 8) & 255) << 16) | (((ip >>> 16) & 255) << 8) | (ip >>> 24)) >>> 0;
  return `${le.toString(16).toUpperCase().padStart(8, '0')}:${port.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** An IPv6 address and port as /proc/net/udp6 prints them (four 32-bit words, each little-endian hex). */
function procAddr6(ip: bigint, port: number): string {
  const hex = ip.toString(16).padStart(32, '0');
  let out = '';
  for (let w = 0; w < 32; w += 8) out += (hex.slice(w + 6, w + 8) + hex.slice(w + 4, w + 6) + hex.slice(w + 2, w + 4) + hex.slice(w, w + 2)).toUpperCase();
  return `${out}:${port.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The kernel's dev_alloc_name("tun%d") as things are before socat starts. */
async function nextTunName(sb: Sandbox, sbHost: string, prefix: string[]): Promise<string> {
  const r = await sb.exec(sbHost, [...prefix, 'ip', '-j', 'link', 'show']);
  let names = new Set<string>();
  try {
    names = new Set((JSON.parse(r.stdout || '[]') as { ifname: string }[]).map((l) => l.ifname));
  } catch {
    // no answer: guess tun0
  }
  for (let i = 0; ; i++) if (!names.has(`tun${i}`)) return `tun${i}`;
}

/** Whether what socat sets up for `addrs` is visible yet (in order, up to a blocking listen). */
async function setUp(sb: Sandbox, sbHost: string, prefix: string[], addrs: SocatAddress[], tunName: string): Promise<boolean> {
  const tables = new Map<string, string>();
  for (const a of addrs) {
    if (a.kind === 'udp') {
      const file = a.v6 ? '/proc/net/udp6' : '/proc/net/udp';
      let text = tables.get(file);
      if (text === undefined) {
        text = (await sb.exec(sbHost, [...prefix, 'cat', file])).stdout;
        tables.set(file, text);
      }
      const lines = text.split('\n').slice(1);
      if (a.mode === 'listen') {
        // recvfrom blocks here: nothing after it is opened until a datagram comes
        return lines.some((l) => l.includes(`:${a.port.toString(16).toUpperCase().padStart(4, '0')} `));
      }
      if (a.mode === 'connect') {
        const peer = typeof a.peer === 'bigint' ? procAddr6(a.peer, a.port) : procAddr(a.peer!, a.port);
        if (!lines.some((l) => l.includes(` ${peer} `))) return false;
      } else if (a.bindPort !== null) {
        if (!lines.some((l) => l.includes(`:${a.bindPort!.toString(16).toUpperCase().padStart(4, '0')} `))) return false;
      }
    } else if (a.kind === 'tcp') {
      const file = a.v6 ? '/proc/net/tcp6' : '/proc/net/tcp';
      const text = (await sb.exec(sbHost, [...prefix, 'cat', file])).stdout;
      const lines = text
        .split('\n')
        .slice(1)
        .map((l) => l.trim().split(/\s+/));
      const hex = `:${a.port.toString(16).toUpperCase().padStart(4, '0')}`;
      // accept() blocks once the socket listens (state 0A); a connect has begun once a socket to its peer exists
      if (a.mode === 'listen') return lines.some((f) => f[1]?.endsWith(hex) && f[3] === '0A');
      return lines.some((f) => f[2]?.endsWith(hex));
    } else if (a.kind === 'tun') {
      const r = await sb.exec(sbHost, [...prefix, 'ip', '-j', 'addr', 'show', 'dev', a.name ?? tunName]);
      if (r.exit !== 0) return false;
      try {
        const [l] = JSON.parse(r.stdout) as { flags?: string[]; addr_info?: { family: string }[] }[];
        if (a.network !== null && !(l.addr_info ?? []).some((x) => x.family === 'inet')) return false;
        if (a.up && !(l.flags ?? []).includes('UP')) return false;
      } catch {
        return false;
      }
    }
  }
  return true;
}

/** The ifindex of a device, or null when there is none by that name. */
async function ifindexOf(sb: Sandbox, sbHost: string, prefix: string[], name: string): Promise<number | null> {
  const r = await sb.exec(sbHost, [...prefix, 'ip', '-j', 'link', 'show', 'dev', name]);
  if (r.exit !== 0) return null;
  try {
    return (JSON.parse(r.stdout) as { ifindex: number }[])[0]?.ifindex ?? null;
  } catch {
    return null;
  }
}

/**
 * Runs a socat invocation in the sandbox host `sbHost`, as the simulator does.
 *
 * @example
 * await execSocatReal(sandbox, 'node1', inv, { host: 'node1', line: 251, command: 'socat … &' });
 * // { exit: 0, stdout: '', stderr: '', supported: true } once the tun exists
 */
export async function execSocatReal(sb: Sandbox, sbHost: string, inv: ProgramInvocation, src: { host: string; line: number; command: string }): Promise<Outcome> {
  const why = socatUnsupported(inv.argv, inv.background);
  if (why !== null) return { exit: 127, stdout: '', stderr: `nettwin: unsupported: ${why}\n`, supported: false };
  const prefix = inv.wrappers.flatMap((w) => w.argv);
  const argv = [...prefix, 'socat', ...inv.argv];
  if (!inv.background) {
    // STDIO reads the command's input: none is an empty one, as the simulator gives it
    const r = await sb.exec(sbHost, argv, { timeoutMs: FOREGROUND_LIMIT_MS, input: inv.stdin ?? '' });
    if (r.timedOut) {
      return { exit: 127, stdout: '', stderr: 'nettwin: unsupported: socat in the foreground runs until it is killed (nettwin ended it); start it in the background with &\n', supported: false };
    }
    return { exit: r.exit, stdout: r.stdout, stderr: r.stderr, supported: true };
  }
  const addrs = addresses(inv.argv) ?? [];
  const tunName = await nextTunName(sb, sbHost, prefix);
  const { id } = await sb.spawnBackground(sbHost, argv);
  const job = addRealJob(sb, { id, host: src.host, line: src.line, command: src.command });
  const deadline = Date.now() + SETUP_LIMIT_MS;
  while (Date.now() < deadline) {
    const st = await sb.backgroundStatus(id);
    if (!st.running) break;
    if (await setUp(sb, sbHost, prefix, addrs, tunName)) break;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  const tun = addrs.find((a) => a.kind === 'tun');
  if (tun && tun.kind === 'tun') {
    const name = tun.name ?? tunName;
    const index = await ifindexOf(sb, sbHost, prefix, name);
    if (index !== null) job.gone = async () => (await ifindexOf(sb, sbHost, prefix, name)) !== index;
  }
  return { exit: 0, stdout: '', stderr: '', supported: true, job: id };
}
