/**
 * Why a ping over IPv6 works or not: explain.ts's explanation of one `ping -6 -c 1` (ping's
 * default 10 s wait, so that neighbour discovery failures show) with the IPv6 stack's trace —
 * route lookups, neighbour discovery, forwarding with its hop limit, ICMPv6 errors — and
 * iputils' words for the answer (src/programs/ping/ping6.ts). Like a `ping -6` line, it first
 * lets the lab's clock run until DAD has ended on the host (the one change it makes).
 *
 * @example
 * const x = explain6(sim, lab.netns('h/A')!, parseIp6('2001:db8:2::1')!);
 * x.disposition; // 'icmp-error'
 */
import type { Ip6 } from '../model/ipv6/ip6.js';
import type { Netns } from '../model/netns.js';
import { settleDad } from '../../sim/ipv6/dad-settle.js';
import { ping6 } from '../../sim/ipv6/ping6.js';
import type { Simulator } from '../../sim/simulator.js';
import { failure6Text, icmp6Text, pr } from '../programs/ping/ping6.js';
import { explainPing, type ExplainPing, type ExplainResult } from './explain.js';

export function explain6(sim: Simulator, from: Netns, dst: Ip6): ExplainResult {
  // a ping -6 in a script waits for DAD to end on its host, in both modes (src/exec/dad-wait.ts):
  // so does this one, on the script's simulator (addrconf's timers are the lab's, not a fork's)
  settleDad(sim, from.host.allNamespaces());
  return explainPing(sim, from, dst, (f): ExplainPing => {
    const r = ping6(f, from, dst, { count: 1, timeout: 10 });
    const replies: ExplainPing['replies'] = [];
    const errorLines: string[] = [];
    for (const e of r.events) {
      if (e.kind === 'reply') replies.push({ seq: e.seq, ttl: e.ttl, from: pr(e.from), timeMs: (e.timeUs ?? 0) / 1000 });
      else if (e.kind === 'error') errorLines.push(`From ${pr(e.from)} icmp_seq=${e.seq} ${icmp6Text(e.type, e.code, e.info)}`);
    }
    return {
      exit: r.exit,
      fatal: r.failure ? failure6Text(r.failure) : null,
      transmitted: r.transmitted,
      received: r.received,
      errors: r.errors,
      replies,
      errorLines,
      startUs: r.startUs,
      endUs: r.endUs,
    };
  });
}
