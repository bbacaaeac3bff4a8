/**
 * `ip neigh show|flush proxy [dev D] [to P]` (ip/ipneigh.c with NTF_PROXY; the kernel's
 * pneigh_dump_table): the proxy entries in the kernel's dump order, `ADDR [dev D] [router]
 * proxy` with no state; a `dev` filter leaves out the entries made for every device, and the
 * device is then not printed. A flush deletes each entry shown, as iproute2 does.
 */
import { inPrefix, ip4ToString } from '../../model/ip.js';
import type { Link } from '../../model/link.js';
import { proxyNeighDump, type ProxyNeigh } from '../../model/proxy-arp.js';
import type { NeighProxyOp } from '../../ops/op.js';
import type { NeighFilter } from '../filters.js';
import { Printer } from '../print.js';
import type { CmdContext, CommandResult, IpGlobals } from '../types.js';

/** The entries the filter selects (neigh_ifindex_filtered, neigh_master_filtered, then iproute2's `to`). */
function selected(ctx: CmdContext, g: IpGlobals, f: NeighFilter, dev: Link | null, master: Link | null): ProxyNeigh[] {
  if (g.family === 'inet6' || g.family === 'link') return [];
  return proxyNeighDump(ctx.ns).filter((p) => {
    if (dev && p.dev !== dev) return false;
    if (master && p.dev?.master !== master) return false;
    return !f.to || inPrefix(p.ip, f.to.addr, f.to.len);
  });
}

/**
 * `ip neigh show proxy …`.
 *
 * @example
 * // after `ip neigh add proxy 10.1.0.50 dev v0` and `ip neigh add proxy 10.1.0.51 router`
 * renderProxyNeigh(ctx, g, f, null, null).stdout; // '10.1.0.51 router proxy \n10.1.0.50 dev v0 proxy \n'
 */
export function renderProxyNeigh(ctx: CmdContext, g: IpGlobals, f: NeighFilter, dev: Link | null, master: Link | null): CommandResult {
  const p = new Printer(g.json, g.pretty);
  p.startList();
  for (const e of selected(ctx, g, f, dev, master)) {
    p.openObject();
    const d = ip4ToString(e.ip);
    p.any('dst', `${d} `, d);
    if (!dev && e.dev) {
      p.text('dev ');
      p.any('dev', `${e.dev.name} `, e.dev.name);
    }
    if (e.router) p.any('router', 'router ', null);
    p.any('proxy', 'proxy ', null);
    p.text('\n');
    p.closeObject();
  }
  p.endList();
  return { exit: 0, stdout: p.output, stderr: '' };
}

/** `ip neigh flush proxy …`: one delete per entry the same filter shows. */
export function flushProxyOps(ctx: CmdContext, g: IpGlobals, f: NeighFilter, dev: Link | null, master: Link | null): NeighProxyOp[] {
  return selected(ctx, g, f, dev, master).map((e) => ({ op: 'neigh.proxy', mode: 'del', dst: e.ip, dev: e.dev?.name ?? null, router: e.router }));
}
