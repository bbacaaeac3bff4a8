/** An IPv4 tunnel (ipip, gre, sit): made inside its namespace with its ends, TTL, pmtudisc and GRE keys; read back from IFLA_IPTUN_* / IFLA_GRE_*. */
import { ip4ToString, parseIp4 } from '../../../src/model/ip.js';
import type { Link } from '../../../src/model/link.js';
import { tunnelHeaderLen } from '../../../src/ops/apply-iptnl.js';
import type { IpTunnelSpec } from '../../../src/ops/op.js';
import { batchLine, checkInt } from '../compile.js';
import type { KindAdapter } from './kind.js';

type TunnelKind = 'ipip' | 'gre' | 'sit';

/** iproute2's options for a spec (a key as a number: tnl_parse_key takes either form). */
export function ipTunnelArgs(kind: TunnelKind, s: IpTunnelSpec): string[] {
  const out: string[] = [];
  if (s.local !== null) out.push('local', ip4ToString(s.local));
  if (s.remote !== null) out.push('remote', ip4ToString(s.remote));
  if (s.ttl !== null) out.push('ttl', s.ttl === 0 ? 'inherit' : checkInt(s.ttl, 'ttl'));
  if (s.pmtudisc !== null) out.push(s.pmtudisc ? 'pmtudisc' : 'nopmtudisc');
  if (kind === 'gre') {
    if (s.ikey != null) out.push('ikey', checkInt(s.ikey, 'ikey'));
    if (s.okey != null) out.push('okey', checkInt(s.okey, 'okey'));
  }
  return out;
}

/** An address of info_data: `any` (or absent) is 0. */
function addr(v: unknown): number {
  return typeof v === 'string' ? (parseIp4(v) ?? 0) : 0;
}

function adapter(kind: TunnelKind): KindAdapter {
  return {
    made: 'inside',
    opArgs: (op) => (op.iptnl ? ipTunnelArgs(kind, op.iptnl) : []),
    insideLines(l: Link) {
      const t = l.iptnl!;
      const args = ipTunnelArgs(kind, { ...t, ikey: t.ikey, okey: t.okey });
      return [batchLine(['link', 'add', l.name, 'index', String(l.ifindex), 'type', kind, ...args])];
    },
    // made before any address or route: no route to the remote, so 1500 less the headers
    madeMtu: (l) => Math.max(1500 - tunnelHeaderLen(kind, l.iptnl!), kind === 'sit' ? 1280 : 68),
    readsAs: (j) => j.info_kind === kind,
    readBack(l, d) {
      const key = (v: unknown) => (typeof v === 'string' ? addr(v) : null);
      l.iptnl = { local: addr(d.local), remote: addr(d.remote), ttl: Number(d.ttl ?? 0), pmtudisc: d.pmtudisc !== false, ikey: key(d.ikey), okey: key(d.okey) };
      // the kernel's address is the local end; the model keeps no MAC for a tunnel
      l.mac = '00:00:00:00:00:00';
    },
  };
}

export const ipipAdapter = adapter('ipip');
export const greAdapter = adapter('gre');
export const sitAdapter = adapter('sit');
