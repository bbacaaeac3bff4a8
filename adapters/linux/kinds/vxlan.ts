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
import { parseIp6 } from '../../../src/model/ipv6/ip6.js';

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
  if (v.udpCsum === false) out.push('noudpcsum');
  if (v.zeroCsum6Tx) out.push('udp6zerocsumtx');
  if (v.zeroCsum6Rx) out.push('udp6zerocsumrx');
  return out;
}

export const vxlanAdapter: KindAdapter = {
  made: 'inside',
  opArgs: (op) => (op.vxlan ? vxlanArgs(op.vxlan) : []),
  insideLines(l) {
    const v = l.vxlan!;
    const csum = { ...(v.udpCsum === false ? { udpCsum: false } : {}), ...(v.zeroCsum6Tx ? { zeroCsum6Tx: true } : {}), ...(v.zeroCsum6Rx ? { zeroCsum6Rx: true } : {}) };
    const spec = { id: v.id, dstport: v.dstport, local: v.local, remote: v.remote, group: v.group, dev: v.dev, learning: v.learning ? null : false, ttl: v.ttl || null, ...csum };
    return [batchLine(['link', 'add', l.name, 'index', String(l.ifindex), 'address', l.mac, 'type', 'vxlan', ...vxlanArgs(spec)])];
  },
  // vxlan_config_apply: a lower device's MTU less the 50 bytes of headers (1450 over ethernet), 70 over IPv6 (1430)
  madeMtu: (l) => (l.vxlan?.dev ? ([l.vxlan.local, l.vxlan.remote, l.vxlan.group].some((a) => typeof a === 'bigint') ? 1430 : 1450) : 1500),
  readsAs: (j) => j.info_kind === 'vxlan',
  readBack(l, d) {
    const range = (d.port_range ?? {}) as { low?: number; high?: number };
    l.vxlan = {
      id: Number(d.id ?? 0),
      dstport: Number(d.port ?? 0),
      // an IPv6 underlay's addresses come as local6, remote6, group6
      local: typeof d.local === 'string' ? ip(d.local) : typeof d.local6 === 'string' ? parseIp6(d.local6) : null,
      remote: typeof d.remote === 'string' ? ip(d.remote) : typeof d.remote6 === 'string' ? parseIp6(d.remote6) : null,
      group: typeof d.group === 'string' ? ip(d.group) : typeof d.group6 === 'string' ? parseIp6(d.group6) : null,
      dev: typeof d.link === 'string' ? d.link : null,
      learning: d.learning !== false,
      ttl: Number(d.ttl ?? 0),
      srcportMin: Number(range.low ?? 0),
      srcportMax: Number(range.high ?? 0),
      ...(d.udp_csum === false ? { udpCsum: false } : {}),
      ...(d.udp_zero_csum6_tx === true ? { zeroCsum6Tx: true } : {}),
      ...(d.udp_zero_csum6_rx === true ? { zeroCsum6Rx: true } : {}),
    };
  },
};
