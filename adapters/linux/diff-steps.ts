/**
 * The differential checker: two runs of the same file (simulator, kernel) compared step by
 * step. Only what the kernel draws at random is masked: MAC addresses, IPv6 interface ids
 * derived from them, and ping's timings.
 */
import type { Step } from '../../src/exec/step.js';
import { maskVolatile } from '../../src/iproute2/mask.js';

/**
 * One field of one command on which the simulator and the kernel disagree.
 *
 * @example
 * for (const d of diffSteps(sim, real)) console.log(`line ${d.line}: ${d.field} differs`);
 */
export interface Disagreement {
  index: number;
  line: number;
  host: string;
  command: string;
  field: 'exit' | 'stdout' | 'stderr' | 'supported' | 'modelled' | 'ping' | 'jobs' | 'missing';
  kernel: string;
  sim: string;
}

/**
 * Masks what legitimately differs between two runs.
 *
 * @example
 * normalize('link/ether 0a:1b:2c:3d:4e:5f brd ff:ff:ff:ff:ff:ff');
 * // 'link/ether XX:XX:XX:XX:XX:XX brd ff:ff:ff:ff:ff:ff'
 */
export function normalize(text: string): string {
  return maskVolatile(text)
    .replace(/time[=<][\d.]+ ?ms/g, 'time=X ms')
    .replace(/time \d+ms/g, 'time Xms')
    .replace(/rtt min\/avg\/max\/mdev = [\d./]+ ms/g, 'rtt min/avg/max/mdev = X ms')
    .replace(/, pipe \d+/g, '')
    .replace(ARPING_REPLY, (_m, mac: string) => `[${(parseInt(mac.slice(0, 2), 16) & 3) === 2 ? 'XX:XX:XX:XX:XX:XX' : mac}]  Xms`)
    .replace(SOCAT_LOG, 'YYYY/MM/DD HH:MM:SS socat[PID] ')
    .replace(SOCAT_POINTER, '$10xADDR');
}

/** an arping answer's MAC (ether_ntoa in capitals: random ones masked) and round-trip time */
const ARPING_REPLY = /\[([0-9A-F]{2}(?::[0-9A-F]{2}){5})\] {2}\d+\.\d{3}ms/g;
/** socat's log prefix: the wall clock and its PID. */
const SOCAT_LOG = /\b\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d socat\[\d+\] /g;
/** the buffer address in socat's read()/write() messages */
const SOCAT_POINTER = /((?:read|write|sendto|recvfrom|recv)\(\d+, )0x[0-9a-f]+/g;

/** The background jobs a step reports, without what only the simulator can say (`why`). */
function jobsText(s: Step): string {
  return (s.jobs ?? []).map((j) => `${j.host}:${j.line} exit ${j.exit}\n${normalize(j.stderr)}`).join('');
}

/**
 * Compares two runs of the same file step by step (exit, stdout, stderr, ping counts), with
 * what the kernel draws at random masked; empty when they agree. A line the simulator does not
 * model (`modelled: false`) is not compared: only the kernel answered it (see diff-report.ts).
 *
 * @example
 * const sim = new Lab().host('host').sh(script);
 * const real = await runScriptInSandbox(script, { file: 'x.sh', host: 'host' });
 * diffSteps(sim, real); // []
 */
export function diffSteps(sim: Step[], real: Step[]): Disagreement[] {
  const out: Disagreement[] = [];
  const n = Math.max(sim.length, real.length);
  for (let i = 0; i < n; i++) {
    const s = sim[i];
    const k = real[i];
    if (!s || !k) {
      const x = (s ?? k)!;
      out.push({ index: i, line: x.line, host: x.host, command: x.command, field: 'missing', kernel: k ? 'present' : 'absent', sim: s ? 'present' : 'absent' });
      continue;
    }
    const base = { index: i, line: k.line, host: k.host, command: k.command };
    if (s.supported !== k.supported) out.push({ ...base, field: 'supported', kernel: String(k.supported), sim: String(s.supported) });
    // a line the simulator does not model has only the kernel's answer: reported apart (diff-report.ts)
    if (s.modelled === false || k.modelled === false) {
      if (s.modelled !== k.modelled) out.push({ ...base, field: 'modelled', kernel: String(k.modelled ?? true), sim: String(s.modelled ?? true) });
      continue;
    }
    if (s.exit !== k.exit) out.push({ ...base, field: 'exit', kernel: String(k.exit), sim: String(s.exit) });
    if (stdoutKey(s) !== stdoutKey(k)) out.push({ ...base, field: 'stdout', kernel: k.stdout, sim: s.stdout });
    if (normalize(s.stderr) !== normalize(k.stderr)) out.push({ ...base, field: 'stderr', kernel: k.stderr, sim: s.stderr });
    if (jobsText(s) !== jobsText(k)) out.push({ ...base, field: 'jobs', kernel: jobsText(k), sim: jobsText(s) });
    if (s.ping || k.ping) {
      const a = JSON.stringify(k.ping ?? null);
      const b = JSON.stringify(s.ping ?? null);
      if (a !== b) out.push({ ...base, field: 'ping', kernel: a, sim: b });
    }
  }
  return out;
}

/**
 * The disagreements as text, as `nettwin diff` prints them.
 *
 * @example
 * formatDiff([], 12); // "no disagreement: 12 commands agree\n"
 */
export function formatDiff(diffs: Disagreement[], total: number): string {
  if (!diffs.length) return `no disagreement: ${total} commands agree\n`;
  let out = '';
  for (const d of diffs) {
    out += `line ${d.line} [${d.host}] ${d.command}\n  ${d.field}:\n    kernel: ${JSON.stringify(d.kernel)}\n    sim:    ${JSON.stringify(d.sim)}\n`;
  }
  out += `${diffs.length} disagreement(s) in ${total} commands\n`;
  return out;
}

/** `ip neigh` lists the kernel's neighbour hash table, whose order is seeded randomly at boot. */
const NEIGH_SHOW = /(?:^|\s)ip\s(?:.*\s)?(?:n|ne|nei|neig|neigh|neighbor|neighbour)(?:\s+(?:show|list|ls|sh|lst)\b.*)?$/;

function stdoutKey(s: Step): string {
  const text = normalize(s.stdout);
  if (!NEIGH_SHOW.test(s.command) || s.command.includes(' -j')) return text;
  return text.split('\n').sort().join('\n');
}
