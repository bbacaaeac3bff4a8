/**
 * `nettwin reach FILE --proto tcp|udp|icmp --port N [--to ADDR…] [--json]`: after FILE ran in
 * the simulator, what `nc -z -w 1` (TCP), `nc -u` (UDP) or `ping -c 1 -W 1` (ICMP) from every
 * namespace to every configured address (or the --to addresses: a Service's ClusterIP …) would
 * meet, from a fresh state: open, refused, unreachable or filtered.
 */
import { SCOPE } from '../model/address.js';
import { ip4ToString, parseIp4, type Ip4 } from '../model/ip.js';
import type { LabModel } from '../model/lab-model.js';
import type { L4Proto, PortAnswer } from '../../sim/reach/l4.js';
import { portReach, type PortReach } from '../../sim/reach/port-reach.js';
import { colorsFor, useColor } from './colors.js';
import { simulatedLab } from './lab-after.js';
import { UsageError } from './usage.js';

export interface ReachPortCliOptions {
  json?: boolean;
  proto?: string;
  port?: string;
  to?: string[];
  allowOutside?: boolean;
}

const MATRIX_MAX = 40;
const CELL: Record<PortAnswer, string> = { open: 'o', refused: 'r', unreachable: 'u', filtered: '.' };

/** The options checked, before any file is read (usage errors exit 2). */
export function portArgs(opts: ReachPortCliOptions): { proto: L4Proto; port: number; to: Ip4[] | null } {
  const proto = opts.proto ?? 'tcp';
  if (proto !== 'tcp' && proto !== 'udp' && proto !== 'icmp') throw new UsageError(`--proto: "${proto}" is not tcp, udp or icmp`);
  let port = 0;
  if (proto !== 'icmp') {
    if (opts.port === undefined) throw new UsageError(`--proto ${proto} needs --port N`);
    if (!/^\d+$/.test(opts.port) || Number(opts.port) < 1 || Number(opts.port) > 65535) throw new UsageError(`--port: "${opts.port}" is not a port (1-65535)`);
    port = Number(opts.port);
  } else if (opts.port !== undefined) throw new UsageError('--port does not go with --proto icmp');
  let to: Ip4[] | null = null;
  if (opts.to) {
    to = opts.to.map((s) => {
      const a = parseIp4(s);
      if (a === null) throw new UsageError(`--to: "${s}" is not an IPv4 address`);
      return a;
    });
  }
  return { proto, port, to };
}

/** Every configured IPv4 address but host-scope ones (127/8), in namespace then link order, once each. */
export function configuredAddresses(lab: LabModel): Ip4[] {
  const seen = new Set<Ip4>();
  for (const ns of lab.namespaces()) for (const l of ns.linkList()) for (const a of l.addrs) if (a.scope !== SCOPE.host) seen.add(a.local);
  return [...seen];
}

function what(r: PortReach): string {
  return r.proto === 'icmp' ? 'ICMP echo' : `${r.proto.toUpperCase()} port ${r.port}`;
}

export function formatPortReach(r: PortReach, color = false): string {
  const c = colorsFor({ isTTY: color });
  const ns = r.sources.length;
  const nd = r.destinations.length;
  const counts: Record<PortAnswer, number> = { open: 0, refused: 0, unreachable: 0, filtered: 0 };
  for (const p of r.probes) counts[p.answer]++;
  let out = `${what(r)}: ${ns} source namespace${ns === 1 ? '' : 's'} × ${nd} destination${nd === 1 ? '' : 's'}: ${counts.open} open, ${counts.refused} refused, ${counts.unreachable} unreachable, ${counts.filtered} filtered\n`;
  if (ns <= MATRIX_MAX && nd <= MATRIX_MAX && ns * nd > 0) {
    out += '\ndestinations:\n';
    for (let j = 0; j < nd; j++) out += `  ${String(j + 1).padStart(2)}  ${ip4ToString(r.destinations[j]!)}\n`;
    const w = Math.max(...r.sources.map((s) => s.path.length));
    out += `\n${''.padEnd(w)}  ${Array.from({ length: nd }, (_, j) => String(j + 1).padStart(2)).join(' ')}\n`;
    for (let i = 0; i < ns; i++) {
      const cells = Array.from({ length: nd }, (_, j) => {
        const a = r.at(i, j).answer;
        const s = ` ${CELL[a]}`;
        return a === 'open' ? c.green(s) : c.red(s);
      });
      out += `${r.sources[i]!.path.padEnd(w)}  ${cells.join(' ')}\n`;
    }
    out += `\no open (a socket answered), r refused (RST / port unreachable), u unreachable (another ICMP error or no route), . filtered (no answer within 1 s)\n`;
  }
  const open: string[] = [];
  for (let i = 0; i < ns; i++)
    for (let j = 0; j < nd; j++) {
      const e = r.at(i, j).endpoint;
      if (e && (e.ns !== r.sources[i] || e.addr !== r.destinations[j] || e.port !== r.port))
        open.push(`  ${r.sources[i]!.path} -> ${ip4ToString(r.destinations[j]!)}: answered by ${e.ns.path} ${ip4ToString(e.addr)}:${e.port}\n`);
    }
  if (open.length) out += `\ntranslated on the way (DNAT):\n${open.join('')}`;
  return out;
}

export function portReachJson(r: PortReach): object {
  const nd = r.destinations.length;
  return {
    proto: r.proto,
    port: r.proto === 'icmp' ? null : r.port,
    sources: r.sources.map((s) => s.path),
    destinations: r.destinations.map(ip4ToString),
    answers: r.probes.map((p, k) => ({
      from: r.sources[Math.floor(k / nd)]!.path,
      to: ip4ToString(r.destinations[k % nd]!),
      answer: p.answer,
      errno: p.errno,
      endpoint: p.endpoint ? { ns: p.endpoint.ns.path, addr: ip4ToString(p.endpoint.addr), port: p.endpoint.port } : null,
    })),
  };
}

/** Exit status: 0 printed (whatever the answers), 2 bad options or the file cannot be used (thrown). */
export async function reachPortCommand(file: string, opts: ReachPortCliOptions): Promise<number> {
  const { proto, port, to } = portArgs(opts);
  const lab = await simulatedLab(file, { allowOutside: opts.allowOutside });
  const r = portReach(lab.model, lab.model.namespaces(), to ?? configuredAddresses(lab.model), proto, port);
  if (opts.json) process.stdout.write(`${JSON.stringify(portReachJson(r))}\n`);
  else process.stdout.write(formatPortReach(r, useColor(process.stdout)));
  return 0;
}
