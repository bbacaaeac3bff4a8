/**
 * ip/link_iptnl.c (ipip, sit) and link_gre.c (gre): `type ipip|sit|gre` options
 * (link/parse-iptnl.ts) and their print_opt, as iproute2 6.1.0 prints them.
 */
import { ip4ToString, isMulticast } from '../../../model/ip.js';
import { kernelHasLinkKind } from '../../../model/kernel-profile.js';
import type { IpTunnelSpec } from '../../../ops/op.js';
import type { Gaps } from '../../plan.js';
import type { Link } from '../../../model/link.js';
import { parseIpTunnelOpts } from '../parse-iptnl.js';
import type { ShowCtx } from '../show-ctx.js';
import type { LinkUtil } from './util.js';

/** tnl_print_endpoint: `remote any` for an unset address. */
function endpoint(c: ShowCtx, name: 'remote' | 'local', a: number): void {
  const v = a ? ip4ToString(a) : 'any';
  c.p.any(name, `${name} ${v} `, v);
}

/** `ttl N`, or `ttl inherit` (0 in JSON). */
function ttl(c: ShowCtx, t: number): void {
  if (t) c.p.any('ttl', `ttl ${t} `, t);
  else {
    c.p.jsonOnly('ttl', 0);
    c.p.text('ttl inherit ');
  }
}

/** iptunnel_print_opt: the inner protocol (`any`: IPv4 or MPLS for ipip, IPv6 or IPv4 for sit), ends, ttl, pmtudisc. */
function iptnlOpts(c: ShowCtx, l: Link): void {
  const t = l.iptnl;
  if (!t) return;
  c.p.any('proto', 'any ', 'any');
  endpoint(c, 'remote', t.remote);
  endpoint(c, 'local', t.local);
  ttl(c, t.ttl);
  c.p.any('pmtudisc', t.pmtudisc ? 'pmtudisc ' : 'nopmtudisc ', t.pmtudisc);
}

/** gre_print_opt: ends, ttl, pmtudisc (printed only when off), keys as dotted quads. */
function greOpts(c: ShowCtx, l: Link): void {
  const t = l.iptnl;
  if (!t) return;
  endpoint(c, 'remote', t.remote);
  endpoint(c, 'local', t.local);
  ttl(c, t.ttl);
  if (t.pmtudisc) c.p.jsonOnly('pmtudisc', true);
  else c.p.any('pmtudisc', 'nopmtudisc ', false);
  if (t.ikey !== null) c.p.any('ikey', `ikey ${ip4ToString(t.ikey)} `, ip4ToString(t.ikey));
  if (t.okey !== null) c.p.any('okey', `okey ${ip4ToString(t.okey)} `, ip4ToString(t.okey));
}

/**
 * Tunnels the model does not make: one without a remote (NBMA), or with a multicast one (a
 * broadcast tunnel); and those whose IPv6 link-local it does not derive: add_v4_addrs takes a GRE tunnel's
 * without a local address, and a sit tunnel's that is not point-to-point, from every IPv4
 * address of the namespace.
 */
function unmodelledEnds(kind: 'ipip' | 'gre' | 'sit', s: IpTunnelSpec, gaps: Gaps): void {
  // without a remote the outer destination is the route's next hop (an NBMA tunnel), not modelled
  if (!s.remote) gaps.add(`${kind} without a remote address`);
  else if (isMulticast(s.remote)) gaps.add(`${kind} with a multicast remote`);
  if (kind === 'gre' && !s.local) gaps.add('gre without a local address');
  if (kind === 'sit' && (!s.local || !s.remote)) gaps.add('sit without both local and remote addresses');
}

function tunnelUtil(kind: 'ipip' | 'gre' | 'sit'): LinkUtil {
  return {
    type: kind,
    parseAdd(ctx, args, op, gaps) {
      op.iptnl = parseIpTunnelOpts(ctx, kind, args, gaps);
      // a kernel without the kind refuses it whatever its ends (parse.ts)
      if (kernelHasLinkKind(ctx.ns, kind)) unmodelledEnds(kind, op.iptnl, gaps);
      return '';
    },
    addDefaults(op, ctx, gaps) {
      op.iptnl = { local: null, remote: null, ttl: null, pmtudisc: null };
      if (kernelHasLinkKind(ctx.ns, kind)) unmodelledEnds(kind, op.iptnl, gaps);
    },
    parseSet(ctx, args, op, l, gaps) {
      op.iptnl = { ...parseIpTunnelOpts(ctx, kind, args, gaps), kind };
      const t = l.iptnl;
      if (t && (op.iptnl.local !== null || op.iptnl.remote !== null)) unmodelledEnds(kind, { ...op.iptnl, local: op.iptnl.local ?? t.local, remote: op.iptnl.remote ?? t.remote }, gaps);
      if (kind === 'sit' && (op.iptnl.local !== null || op.iptnl.remote !== null)) gaps.add('sit with new ends');
    },
    parseDel(ctx, args, gaps) {
      parseIpTunnelOpts(ctx, kind, args, gaps);
    },
    printOpt: kind === 'gre' ? greOpts : iptnlOpts,
  };
}

export const ipipUtil = tunnelUtil('ipip');
export const greUtil = tunnelUtil('gre');
export const sitUtil = tunnelUtil('sit');
