/**
 * iputils `arping` (20221126; run as root) over the simulator: its options (args.ts), the
 * device (`-I`, else the one the route to the target leaves by) and its checks, the source
 * (`-s` bound, 0.0.0.0 with -D, the target with -U/-A, else what connect() with SO_DONTROUTE
 * picks), the probes (sim/arp-probe.ts), and the words and exit status arping prints: exit 0
 * when an answer came (with -D: when none did; always with -U/-A), 1 otherwise, 2 when it
 * could not start. Only the times differ from the kernel's run.
 */
import { SCOPE } from '../../model/address.js';
import { ip4ToString, type Ip4 } from '../../model/ip.js';
import type { Link } from '../../model/link.js';
import { inetSelectAddr } from '../../model/source-address.js';
import { routeOutput } from '../../model/route-output.js';
import { arpProbe, type ArpProbeResult } from '../../../sim/arp-probe.js';
import { unsupported } from '../../iproute2/types.js';
import type { ProgramContext, ProgramResult } from '../program.js';
import { arpingAddress, parseArpingArgs } from './args.js';

const fail = (exit: number, stderr: string, stdout = ''): ProgramResult => ({ exit, stdout, stderr });

/**
 * `arping ARGS` in namespace `ctx.ns` (argv without "arping"), as iputils prints it. The
 * simulator's clock advances by the time arping would run.
 */
export function runArping(ctx: ProgramContext, argv: string[]): ProgramResult {
  const a = parseArpingArgs(argv);
  if (!('target' in a)) return a;
  const sim = ctx.sim;
  const st = sim.state(ctx.ns);
  const dst = arpingAddress(a.target);
  if (dst === null) return fail(2, `arping: ${a.target}: Temporary failure in name resolution\n`);
  if (!a.count && !a.deadline) return unsupported('arping without -c or -w (it runs until interrupted)');

  let dev: Link | undefined;
  if (a.device !== null) {
    dev = ctx.ns.linkByName(a.device);
    if (!dev) return fail(2, `arping: Device ${a.device} not available.\n`);
  } else {
    const r = routeOutput(st, { dst, src: 0, oif: null });
    if (!r.ok) return fail(1, 'arping: NETLINK_ROUTE unexpected iov element\n');
    dev = r.rt.dev;
  }
  const say = (s: string): string => (a.quiet ? '' : s);
  if (!dev.up) return fail(2, '', say(`Interface "${dev.name}" is down\n`));
  if (dev.noarp || dev.kind === 'loopback') return fail(a.dad ? 0 : 2, '', say(`Interface "${dev.name}" is not ARPable\n`));

  let src: Ip4 = 0;
  if (a.source !== null) {
    const s = arpingAddress(a.source);
    if (s === null) return unsupported('arping -s with a name');
    src = s;
  }
  if (!a.dad && a.unsolicited && a.source === null) src = dst;
  if (!a.dad && a.source !== null && st.fib.addrType(src) !== 'local') return fail(2, 'arping: bind: Cannot assign requested address\n');
  if (!a.dad && !a.unsolicited && a.source === null) {
    // connect() of a UDP socket bound to the device, with SO_DONTROUTE
    if (dst === 0xffffffff || st.fib.addrType(dst, dev) === 'broadcast') return fail(2, 'arping: connect: Permission denied\n');
    src = onLinkSource(ctx, dev, dst);
    if (!src) return unsupported(`arping from ${dev.name}, which has no IPv4 address`);
  }
  if (a.dad) src = a.source !== null ? src : 0;

  const r = arpProbe(sim, {
    dev,
    src,
    dst,
    count: a.count,
    deadline: a.deadline,
    interval: a.interval,
    quitOnReply: a.quitOnReply,
    dad: a.dad,
    unsolicited: a.unsolicited,
    advert: a.advert,
    broadcastOnly: a.broadcastOnly,
  });
  if (r.hung) return unsupported('arping -f that is never answered and has no -c or -w');
  const received = r.answers.length;
  const exit = a.dad ? (received ? 1 : 0) : a.unsolicited ? 0 : received ? 0 : 1;
  return { exit, stdout: a.quiet ? '' : render(r, ip4ToString(dst), ip4ToString(src), dev.name), stderr: '' };
}

/** The source the route lookup picks with SO_DONTROUTE: the on-link route's, else the device's own (RTO_ONLINK assumes on-link). */
function onLinkSource(ctx: ProgramContext, dev: Link, dst: Ip4): Ip4 {
  const r = routeOutput(ctx.sim.state(ctx.ns), { dst, src: 0, oif: dev });
  if (r.ok && r.rt.dev === dev && r.rt.gateway === null && r.rt.saddr) return r.rt.saddr;
  return inetSelectAddr(dev, 0, SCOPE.link);
}

function render(r: ArpProbeResult, dst: string, src: string, dev: string): string {
  let out = `ARPING ${dst} from ${src} ${dev}\n`;
  for (const x of r.answers) {
    const ms = `${Math.floor(x.rttUs / 1000)}.${String(x.rttUs % 1000).padStart(3, '0')}`;
    out += `${x.unicast ? 'Unicast' : 'Broadcast'} ${x.op} from ${ip4ToString(x.from)} [${x.mac.toUpperCase()}]  ${ms}ms\n`;
  }
  out += `Sent ${r.sent} probes (${r.brdSent} broadcast(s))\nReceived ${r.answers.length} response(s)`;
  if (r.reqRecv || r.brdRecv) {
    const parts: string[] = [];
    if (r.reqRecv) parts.push(`${r.reqRecv} request(s)`);
    if (r.brdRecv) parts.push(`${r.brdRecv} broadcast(s)`);
    out += ` (${parts.join(', ')})`;
  }
  return `${out}\n`;
}
