/**
 * `ip neigh flush …` without `proxy` (ip/ipneigh.c do_show_or_flush with flush set): iproute2
 * dumps the table and sends RTM_DELNEIGH for every entry its filter passes — by default every
 * state but PERMANENT, NOARP and FAILED (learnt entries, `router` ones included; entries added
 * by hand as `nud reachable|stale` too), with `nud all` every state but NOARP. The entries the
 * system learnt live in the simulator; their delete reaches it through ns.neighForgets.
 * `-s` prints the rounds; `-s -s` also prints each entry with its cache times, not modelled.
 */
import type { Link } from '../../model/link.js';
import type { Neigh6Op, NeighOp } from '../../ops/op.js';
import { notModelled } from '../args.js';
import type { NeighFilter } from '../filters.js';
import type { IpPlan } from '../plan.js';
import type { CmdContext, IpGlobals } from '../types.js';
import { selectNeigh, stateMask } from './render.js';

export function flushPlan(ctx: CmdContext, g: IpGlobals, f: NeighFilter, dev: Link | null, master: Link | null): IpPlan {
  const entries = selectNeigh(ctx, g, f, dev, master, stateMask(f, true));
  if (entries.length > 0 && g.stats > 1) notModelled('ip -s -s neigh flush (each entry with its cache times)');
  const ops = entries.map((e): NeighOp | Neigh6Op => {
    const common = { mode: 'del' as const, dev: e.dev.name, lladdr: null, state: 'permanent' as const, learnt: e.learnt === true };
    if (e.family === 'inet6') return { op: 'neigh6.add', dst: e.ip, proxy: false, ...common };
    // an entry of a loopback or point-to-point device is keyed 0.0.0.0 and deleted as such
    if (e.ip === 0) notModelled('ip neigh flush on a loopback or point-to-point device');
    return { op: 'neigh.add', dst: e.ip, ...common };
  });
  let stdout = '';
  // one round deletes them all; the second dump finds nothing left
  if (g.stats) stdout = ops.length === 0 ? 'Nothing to flush.\n' : `\n*** Round 1, deleting ${ops.length} entries ***\n*** Flush is complete after 1 round ***\n`;
  return { kind: 'ops', ops, warn: '', kernelExit: 2, stdout };
}
