/**
 * Modern traceroute for Linux (Debian's traceroute 2.1.x, /usr/sbin/traceroute) over IPv4: the
 * default UDP probes (ports 33434 up, 3 per hop, 16 out at once) and -I's ICMP echoes, the
 * probe loop in the simulator (sim/traceroute.ts), and its lines as print_header/print_probe
 * write them: `traceroute to X (X), 30 hops max, 60 byte packets`, then per hop ` 1  ADDR  T ms`
 * with the address again only when it changes, `*` for a probe nobody answered, `!H !N !X !P …`
 * after an unreachable. No route at all: `connect: <strerror>` and exit 1. Reverse lookups
 * (without -n), names, TCP and the rarer options are reported.
 */
import { ERRNO } from '../../ops/errors.js';
import { unsupported } from '../../iproute2/types.js';
import { inetAton } from '../ping/args.js';
import { traceroute, type Probe } from '../../../sim/traceroute.js';
import { connectError4, probes4 } from '../../../sim/traceroute-probe4.js';
import { connectError6, probes6 } from '../../../sim/traceroute-probe6.js';
import { formatIp6, parseIp6 } from '../../model/ipv6/ip6.js';
import { isLocal6 } from '../../model/ipv6/source6.js';
import { inet6Protos } from '../../../sim/ipv6/ip6-deliver.js';
import type { ProgramContext, ProgramResult } from '../program.js';
import { parseTracerouteArgs } from './args.js';

const STRERROR: Record<string, string> = { ...ERRNO, EHOSTUNREACH: 'No route to host', EACCES: 'Permission denied' };

/** the canonical dotted quad (what getnameinfo would print back), or null */
function dottedQuad(s: string): number | null {
  const n = inetAton(s);
  return n !== null && /^\d{1,3}(\.\d{1,3}){3}$/.test(s) && s.split('.').every((p) => String(Number(p)) === p) ? n : null;
}

/** print_probe: one probe's text, after the hop number for the first of a hop. */
function probeText(p: Probe, idx: number, perHop: number, prev: Probe[]): string {
  const np = idx % perHop;
  let out = np === 0 ? `\n${String(Math.trunc(idx / perHop) + 1).padStart(2)} ` : '';
  if (p.res === null) out += ' *';
  else {
    // the address again only when it differs from the last answered probe of the hop
    let last: Probe | undefined;
    for (let k = np - 1; k >= 0; k--) {
      const q = prev[idx - np + k]!;
      if (q.res !== null) {
        last = q;
        break;
      }
    }
    if (!last || last.res !== p.res) out += ` ${p.res}`;
  }
  if (p.recv !== null && typeof p.sent === 'number') out += `  ${((p.recv - p.sent) / 1000).toFixed(3)} ms`;
  if (p.err) out += ` ${p.err}`;
  return out;
}

/** `traceroute ARGS` in namespace `ctx.ns` (argv without "traceroute"); the clock advances as it runs. */
export function runTraceroute(ctx: ProgramContext, argv: string[]): ProgramResult {
  const a = parseTracerouteArgs(argv);
  if (!('host' in a)) return a;
  // each answer's reverse lookup waits on the resolver (seconds each where no DNS answers)
  if (!a.numeric) return unsupported('traceroute without -n (reverse name lookups)');
  const v6 = a.host.includes(':');
  if ((v6 && a.family === 4) || (!v6 && a.family === 6)) return unsupported('traceroute with an address of the other family than -4/-6 asks for');
  const st = ctx.sim.state(ctx.ns);
  const dst4 = v6 ? null : dottedQuad(a.host);
  const dst6 = v6 ? parseIp6(a.host) : null;
  if (dst4 === null && (dst6 === null || formatIp6(dst6) !== a.host)) return unsupported('traceroute to a name (or an address not written as getnameinfo prints it)');
  // a local destination goes by lo: not modelled (lo is down in a new namespace, and the probes then wait out every hop)
  if (dst4 !== null ? st.fib.addrType(dst4) === 'local' : isLocal6(ctx.ns, dst6!)) return unsupported('traceroute to a local address');
  // a destination's "port unreachable" needs UDP over IPv6 in the simulator
  if (dst6 !== null && a.method === 'udp' && !inet6Protos(ctx.sim)[17]) return unsupported('traceroute -6 with UDP probes (UDP over IPv6 is not modelled; -I is)');
  const fail = (errno: string, header: string): ProgramResult => ({ exit: 1, stdout: header, stderr: `\nconnect: ${STRERROR[errno] ?? errno}\n` });
  const header = `traceroute to ${a.host} (${a.host}), ${a.maxHops} hops max, ${v6 ? 80 : 60} byte packets`;
  if (a.method === 'icmp') {
    // the raw socket is connected in icmp_init, before the header
    const e = dst4 !== null ? connectError4(ctx.sim, ctx.ns, dst4) : connectError6(ctx.sim, ctx.ns, dst6!);
    if (e) return fail(e, '');
  }
  const po = { method: a.method, first: a.port || (a.method === 'udp' ? 33434 : 1), payload: 40 };
  const tr = dst4 !== null ? probes4(ctx.sim, ctx.ns, dst4, po) : probes6(ctx.sim, ctx.ns, dst6!, po);
  let out = header;
  const printed: Probe[] = [];
  try {
    const r = traceroute(ctx.sim, tr, a, (p, idx) => {
      printed[idx] = p;
      out += probeText(p, idx, a.perHop, printed);
    });
    if (r.fatal) return fail(r.fatal, out);
  } finally {
    tr.close();
  }
  return { exit: 0, stdout: `${out}\n`, stderr: '' };
}
