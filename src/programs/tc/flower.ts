/**
 * `tc filter … flower` (tc/f_flower.c of iproute2 6.1.0) for IPv4: `dst_ip|src_ip ADDR[/LEN]`,
 * `ip_proto tcp|udp|sctp|icmp`, `dst_port|src_port N` (after a transport ip_proto) and
 * `classid|flowid X:Y`; its show lines (eth_type, ip_proto, addresses, ports, not_in_hw).
 * Other keys and actions are reported as not modelled.
 */
import type { TcFilter } from '../../model/qdisc.js';
import { parseClassid } from './class.js';
import { TcParseError } from './netem.js';

type Flower = NonNullable<TcFilter['flower']>;

const PROTOS: Record<string, number> = { tcp: 6, udp: 17, sctp: 132, icmp: 1 };

function prefix(s: string): { addr: number; len: number } | null {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)(?:\/(\d+))?$/.exec(s);
  if (!m || m.slice(1, 5).some((o) => Number(o) > 255)) return null;
  const len = m[5] === undefined ? 32 : Number(m[5]);
  if (len > 32) return null;
  const addr = ((Number(m[1]) << 24) | (Number(m[2]) << 16) | (Number(m[3]) << 8) | Number(m[4])) >>> 0;
  const mask = len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
  return { addr: (addr & mask) >>> 0, len };
}

/** flower_parse_opt: the keys, and the class minor of `major:`'s qdisc. */
export function parseFlower(args: string[], major: number): { flower: Flower; classMinor: number } {
  const f: Flower = {};
  let classMinor: number | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const v = args[i + 1];
    if (v === undefined) throw new TcParseError(`tc filter flower ${a} without a value`, true);
    i++;
    if (a === 'dst_ip' || a === 'src_ip') {
      const p = prefix(v);
      if (!p) throw new TcParseError(`tc filter flower ${a} ${v}`, true);
      if (a === 'dst_ip') f.dstIp = p;
      else f.srcIp = p;
    } else if (a === 'ip_proto') {
      const p = PROTOS[v];
      if (p === undefined) throw new TcParseError(`tc filter flower ip_proto ${v}`, true);
      f.ipProto = p;
    } else if (a === 'dst_port' || a === 'src_port') {
      // flower_parse_port needs a transport ip_proto named before it
      if (f.ipProto === undefined || f.ipProto === 1) throw new TcParseError(`Illegal "${a}"\n`);
      if (!/^\d+$/.test(v) || Number(v) > 65535) throw new TcParseError(`tc filter flower ${a} ${v}`, true);
      if (a === 'dst_port') f.dstPort = Number(v);
      else f.srcPort = Number(v);
    } else if (a === 'classid' || a === 'flowid') {
      const id = parseClassid(v);
      if (!id || id[0] !== major) throw new TcParseError(`tc filter flower ${a} ${v}`, true);
      classMinor = id[1];
    } else throw new TcParseError(`tc filter flower ${a}`, true);
  }
  if (classMinor === null) throw new TcParseError('tc filter flower without classid', true);
  return { flower: f, classMinor };
}

const ipText = (p: { addr: number; len: number }) => `${[24, 16, 8, 0].map((s) => (p.addr >>> s) & 0xff).join('.')}${p.len === 32 ? '' : `/${p.len}`}`;

/** flower_print_opt's lines after the filter's head. */
export function printFlower(f: Flower): string {
  let s = '  eth_type ipv4\n';
  if (f.ipProto !== undefined) s += `  ip_proto ${Object.entries(PROTOS).find(([, n]) => n === f.ipProto)![0]}\n`;
  if (f.dstIp) s += `  dst_ip ${ipText(f.dstIp)}\n`;
  if (f.srcIp) s += `  src_ip ${ipText(f.srcIp)}\n`;
  if (f.dstPort !== undefined) s += `  dst_port ${f.dstPort}\n`;
  if (f.srcPort !== undefined) s += `  src_port ${f.srcPort}\n`;
  return `${s}  not_in_hw\n`;
}
