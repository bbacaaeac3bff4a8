/**
 * `ra6` (ipv6toolkit) over the simulator: the router advertisement it injects on a device (a
 * lab's stand-in for radvd, which is not modelled), with ra6's words and exit status: nothing
 * printed and 0 once sent; 1 with its messages (on stdout, as ra6 prints them) for a prefix
 * length above 128, a device that does not exist, and "Nothing to send!" without -d.
 * The RA leaves from the device's link-local (or `-s`), as a frame that does not go through
 * the namespace's own stack; the neighbours' kernels take it (sim/ipv6/ndisc-ra.ts).
 */
import { ndiscSendRa } from '../../../sim/ipv6/ndisc.js';
import { IP6_ALL_NODES } from '../../model/ipv6/ip6.js';
import { unsupported } from '../../iproute2/types.js';
import type { ProgramContext, ProgramResult } from '../program.js';
import { parseRa6Args } from './args.js';

/** How long ra6 runs (its pcap setup), µs of the lab clock: the RA is on the wire by then. */
const RA6_RUN_US = 10_000;

export function runRa6(ctx: ProgramContext, argv: string[]): ProgramResult {
  const a = parseRa6Args(argv);
  if ('unsupported' in a) return unsupported(a.unsupported);
  if (a.lengthError !== null) return { exit: 1, stdout: `Length error in prefix option number ${a.lengthError}.\n`, stderr: '' };
  const dev = ctx.ns.linkByName(a.device);
  if (!dev) {
    const n = a.device;
    return { exit: 1, stdout: `pcap_open_live(${n}): ${n}: No such device exists (No such device exists)\nError while learning Souce Address and Next Hop\n`, stderr: '' };
  }
  if (a.dst === null) return { exit: 1, stdout: 'Error: Nothing to send!\n', stderr: '' };
  if (!dev.up || dev.noarp || dev.kind === 'loopback') return unsupported(`ra6 on ${dev.name}, which is down or has no link layer`);
  const sim = ctx.sim;
  sim.sync();
  const sent = ndiscSendRa(
    sim,
    dev,
    IP6_ALL_NODES,
    {
      type: 134,
      code: 0,
      curHopLimit: a.curHop,
      managed: a.managed,
      other: a.other,
      prf: a.prf,
      routerLifetime: a.lifetime,
      reachableMs: a.reachableMs,
      retransMs: a.retransMs,
      slla: a.slla ? dev.mac : null,
      mtu: null,
      prefixes: a.prefixes,
    },
    a.src,
  );
  if (!sent) return unsupported(`ra6 on ${dev.name}, which has no valid link-local address`);
  sim.runUntil(sim.now + RA6_RUN_US);
  return { exit: 0, stdout: '', stderr: '' };
}
