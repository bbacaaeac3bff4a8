/**
 * `ip link add|set DEV type ipip|sit|gre OPTIONS` (ip/link_iptnl.c iptunnel_parse_opt,
 * link_gre.c gre_parse_opt, iproute2 6.1.0) into the tunnel's settings. Mistakes are reported
 * in iproute2's words by parse-absent.ts (which reads the same options for a kernel without
 * the kind); options the model does not keep (tos, dev, fwmark, encapsulations, sequence
 * numbers, checksums, modes) are gaps.
 */
import { kernelHasLinkKind } from '../../model/kernel-profile.js';
import type { IpTunnelSpec } from '../../ops/op.js';
import { exitWith, getAddr, getU32, getU8 } from '../args.js';
import type { Gaps } from '../plan.js';
import type { CmdContext } from '../types.js';
import { absentKindOption, parseAbsentKindOpts } from './parse-absent.js';

/** The options kept; every other option of the kind's parser is a gap (the model does not keep tos, dev, fwmark, sequence numbers, checksums, encapsulations, modes). */
const KEPT = new Set(['remote', 'local', 'ttl', 'hoplimit', 'hlim', 'pmtudisc', 'nopmtudisc', 'key', 'ikey', 'okey', 'nokey', 'noikey', 'nookey']);

/** tnl_parse_key: a dotted quad or an unsigned number. */
function key(v: string): number {
  if (v.includes('.')) return getAddr(v, 'inet').addr;
  return getU32(v) ?? 0;
}

/** The options of `type ipip|sit|gre` as the kernel will be asked for them (null: not given). */
export function parseIpTunnelOpts(ctx: CmdContext, kind: 'ipip' | 'gre' | 'sit', args: string[], gaps: Gaps): IpTunnelSpec {
  // iproute2's own refusals (and what of the option words it does not know) first
  parseAbsentKindOpts(ctx, kind, args);
  const gre = kind === 'gre';
  const has = kernelHasLinkKind(ctx.ns, kind);
  const out: IpTunnelSpec = { local: null, remote: null, ttl: null, pmtudisc: null };
  for (let i = 0; i < args.length; i++) {
    const opt = absentKindOption(kind, args[i]!)!;
    const v = opt.value ? args[++i]! : '';
    // a kernel without the kind refuses it whatever its options (Unknown device type)
    if (!KEPT.has(opt.name)) {
      if (has) gaps.add(`${kind} ${opt.name}`);
    } else if (opt.name === 'pmtudisc' || opt.name === 'nopmtudisc') out.pmtudisc = opt.name === 'pmtudisc';
    else if (opt.name === 'nokey') out.ikey = out.okey = null;
    else if (opt.name === 'noikey') out.ikey = null;
    else if (opt.name === 'nookey') out.okey = null;
    else if (opt.name === 'remote' || opt.name === 'local') out[opt.name] = getAddr(v, 'inet').addr;
    else if (opt.name === 'key') out.ikey = out.okey = key(v);
    else if (opt.name === 'ikey') out.ikey = key(v);
    else if (opt.name === 'okey') out.okey = key(v);
    else out.ttl = v === 'inherit' ? 0 : (getU8(v) ?? 0);
  }
  // iptunnel_parse_opt: a fixed TTL wants DF set
  if (!gre && out.ttl && out.pmtudisc === false) exitWith('ttl != 0 and nopmtudisc are incompatible\n', 255);
  if (has && gre && out.ttl && out.pmtudisc === false) gaps.add('gre nopmtudisc with a ttl');
  return out;
}
