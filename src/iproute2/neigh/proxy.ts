/**
 * IPv4 proxy entries for `ip neigh show|flush proxy [dev D] [to P]` (ip/ipneigh.c with NTF_PROXY;
 * the kernel's pneigh_dump_table), in the kernel's dump order (render.ts prints them: `ADDR
 * [dev D] [router] proxy` with no state); a `dev` filter leaves out the entries made for every device, and the
 * device is then not printed. A flush deletes each entry shown, as iproute2 does.
 */
import { inPrefix } from '../../model/ip.js';
import type { Link } from '../../model/link.js';
import { proxyNeighDump, type ProxyNeigh } from '../../model/proxy-arp.js';
import type { NeighProxyOp } from '../../ops/op.js';
import type { NeighFilter } from '../filters.js';
import type { CmdContext, IpGlobals } from '../types.js';

/** The IPv4 proxy entries the filter selects (neigh_ifindex_filtered, neigh_master_filtered, then iproute2's `to`), in the kernel's dump order. */
export function proxyNeigh4(ctx: CmdContext, g: IpGlobals, f: NeighFilter, dev: Link | null, master: Link | null): ProxyNeigh[] {
  if (g.family === 'inet6' || g.family === 'link' || f.to?.addr6 !== undefined) return [];
  return proxyNeighDump(ctx.ns).filter((p) => {
    if (dev && p.dev !== dev) return false;
    if (master && p.dev?.master !== master) return false;
    return !f.to || inPrefix(p.ip, f.to.addr, f.to.len);
  });
}

/** `ip neigh flush proxy …`: one delete per entry the same filter shows. */
export function flushProxyOps(ctx: CmdContext, g: IpGlobals, f: NeighFilter, dev: Link | null, master: Link | null): NeighProxyOp[] {
  return proxyNeigh4(ctx, g, f, dev, master).map((e) => ({ op: 'neigh.proxy', mode: 'del', dst: e.ip, dev: e.dev?.name ?? null, router: e.router }));
}
