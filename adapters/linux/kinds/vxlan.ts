/** A VXLAN device: made inside its namespace with its id, ports, addresses and lower device; read back from IFLA_VXLAN_*. */
import { formatEither } from '../../../src/model/ipv6/either.js';
import { parseIp4, type Ip4 } from '../../../src/model/ip.js';
import type { VxlanSpec } from '../../../src/ops/op.js';
import { batchLine, checkInt, checkLinkName } from '../compile.js';

function ip(s: string): Ip4 {
  const a = parseIp4(s);
  if (a === null) throw new Error(`read-back: "${s}" is not an IPv4 address`);
  return a;
}
import type { KindAdapter } from './kind.js';

/** iproute2's vxlan options for a spec. */
export function vxlanArgs(v: VxlanSpec): string[] {
  const out: string[] = [];
  if (v.id !== null) out.push('id', checkInt(v.id, 'vxlan id'));
  if (v.dstport !== null) out.push('dstport', checkInt(v.dstport, 'dstport'));
  if (v.local !== null) out.push('local', formatEither(v.local));
  if (v.remote !== null) out.push('remote', formatEither(v.remote));
  if (v.group !== null) out.push('group', formatEither(v.group));
  if (v.dev !== null) out.push('dev', checkLinkName(v.dev));
  if (v.learning !== null) out.push(v.learning ? 'learning' : 'nolearning');
  if (v.ttl !== null) out.push('ttl', checkInt(v.ttl, 'ttl'));
  return out;
}

export const vxlanAdapter: KindAdapter = {
  made: 'inside',
  opArgs: (op) => (op.vxlan ? vxlanArgs(op.vxlan) : []),
  insideLines(l) {
    const v = l.vxlan!;
    const spec = { id: v.id, dstport: v.dstport, local: v.local, remote: v.remote, group: v.group, dev: v.dev, learning: v.learning ? null : false, ttl: v.ttl || null };
    return [batchLine(['link', 'add', l.name, 'index', String(l.ifindex), 'address', l.mac, 'type', 'vxlan', ...vxlanArgs(spec)])];
  },
  // vxlan_config_apply: a lower device's MTU less the 50 bytes of headers (1450 over ethernet)
  madeMtu: (l) => (l.vxlan?.dev ? 1450 : 1500),
  readsAs: (j) => j.info_kind === 'vxlan',
  readBack(l, d) {
    const range = (d.port_range ?? {}) as { low?: number; high?: number };
    l.vxlan = {
      id: Number(d.id ?? 0),
      dstport: Number(d.port ?? 0),
      local: typeof d.local === 'string' ? ip(d.local) : null,
      remote: typeof d.remote === 'string' ? ip(d.remote) : null,
      group: typeof d.group === 'string' ? ip(d.group) : null,
      dev: typeof d.link === 'string' ? d.link : null,
      learning: d.learning !== false,
      ttl: Number(d.ttl ?? 0),
      srcportMin: Number(range.low ?? 0),
      srcportMax: Number(range.high ?? 0),
    };
  },
};
