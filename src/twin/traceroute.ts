/**
 * `traceroute -I -q 1 -w 1 -m MAX` in the event engine: ICMP echo probes with TTL 1, 2, …
 * from a fresh state (neighbour entries learned by one probe serve the next, as on a real
 * host), each hop the address that answered (time exceeded), until the destination replies or
 * an unreachable error comes back. Above the simulator because its hops quote ping's words for
 * ICMP errors (src/programs/ping/words.ts).
 */
import { ip4ToString, type Ip4 } from '../model/ip.js';
import type { LabModel } from '../model/lab-model.js';
import type { Netns } from '../model/netns.js';
import { ping } from '../../sim/ping.js';
import { Simulator } from '../../sim/simulator.js';
import { pingReport } from '../programs/ping/words.js';

export interface TracerouteHop {
  ttl: number;
  /** the address that answered, or null (`*`) */
  from: string | null;
  /** the namespace holding that address, when one does */
  ns: string | null;
  kind: 'time-exceeded' | 'reply' | 'unreachable' | 'timeout';
  /** round trip in ms (virtual time) */
  ms: number | null;
  /** iputils' wording of an error, e.g. `Destination Host Unreachable` */
  text: string;
}

export interface TracerouteResult {
  /** set when the first probe cannot even be sent (e.g. `connect: Network is unreachable`) */
  fatal: string | null;
  hops: TracerouteHop[];
  reached: boolean;
}

export function traceroute(lab: LabModel, from: Netns, dst: Ip4, maxHops = 30): TracerouteResult {
  const sim = new Simulator(lab);
  const owner = new Map<number, string>();
  for (const ns of lab.namespaces()) for (const l of ns.linkList()) for (const a of l.addrs) if (!owner.has(a.local)) owner.set(a.local, ns.path);
  const hops: TracerouteHop[] = [];
  for (let ttl = 1; ttl <= maxHops; ttl++) {
    const r = pingReport(ping(sim, from, dst, { count: 1, timeout: 1, ttl }));
    if (r.fatal !== null) return { fatal: r.fatal, hops, reached: false };
    const e = r.events.find((x) => x.kind === 'reply' || x.kind === 'error');
    if (!e) {
      hops.push({ ttl, from: null, ns: null, kind: 'timeout', ms: null, text: '*' });
      continue;
    }
    const ms = (e.t - r.startUs) / 1000;
    if (e.kind === 'reply') {
      hops.push({ ttl, from: ip4ToString(e.from), ns: owner.get(e.from) ?? null, kind: 'reply', ms, text: '' });
      return { fatal: null, hops, reached: true };
    }
    if (e.kind === 'error') {
      const exceeded = e.type === 11;
      hops.push({ ttl, from: ip4ToString(e.from), ns: owner.get(e.from) ?? null, kind: exceeded ? 'time-exceeded' : 'unreachable', ms, text: e.text });
      if (!exceeded) return { fatal: null, hops, reached: false };
    }
    // the engine's clock moved on; later probes see the state the earlier ones left
    sim.sleep(0.001);
  }
  return { fatal: null, hops, reached: false };
}

/** Text as traceroute prints it, one line per hop. */
export function formatTraceroute(dst: Ip4, r: TracerouteResult, maxHops = 30): string {
  if (r.fatal !== null) return `traceroute: ${r.fatal}\n`;
  let out = `traceroute to ${ip4ToString(dst)} (${ip4ToString(dst)}), ${maxHops} hops max\n`;
  for (const h of r.hops) {
    if (!h.from) out += `${String(h.ttl).padStart(2)}  *\n`;
    else out += `${String(h.ttl).padStart(2)}  ${h.from}${h.ns ? ` (${h.ns})` : ''}  ${h.ms!.toFixed(3)} ms${h.kind === 'unreachable' ? ` !${h.text}` : ''}\n`;
  }
  return out;
}
