/**
 * iproute2's `ss` over the simulator, for the TCP and UDP sockets of the namespace (a VXLAN
 * device's kernel socket too): `-t` or
 * `-u`, with `-l` (listening), `-a` (all) or neither (connections), and `-n` (numbers: the
 * model never resolves names, so `-n` is required). Columns are laid out as ss.c's render()
 * does when not writing to a terminal: each as wide as its widest cell, addresses right-aligned
 * and ended by ':', ports left-aligned. The kernel dumps sockets in hash order, which a
 * namespace seeds at random: the model lists them by port, the same order only for one socket
 * per listing.
 */
import { ip4ToString } from '../../model/ip.js';
import { formatIp6 } from '../../model/ipv6/ip6.js';
import { isV6, type InetAddr } from '../../../sim/tcp-out.js';
import { unsupported } from '../../iproute2/types.js';
import { tcpTable } from '../../../sim/tcp.js';
import { udpTable, type UdpSocket } from '../../../sim/udp.js';
import { vxlanSocketOf } from '../../../sim/vxlan.js';
import type { ProgramContext, ProgramResult } from '../program.js';

type Row = [string, string, string, string, string, string, string, string];

const HEADER: Row = ['State', 'Recv-Q', 'Send-Q', 'Local Address:', 'Port', 'Peer Address:', 'Port', 'Process'];
/** ALIGN_RIGHT for the address columns, ALIGN_LEFT for the others; the delimiter before each */
const RIGHT = [false, false, false, true, false, true, false, false];
const DELIM = ['', ' ', ' ', ' ', '', ' ', '', ''];

function render(rows: Row[]): string {
  const all = [HEADER, ...rows];
  const width = HEADER.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  let out = '';
  all.forEach((r, n) => {
    let line = '';
    r.forEach((cell, i) => {
      const pad = ' '.repeat(width[i]! - cell.length);
      // the header's last column is not padded
      line += DELIM[i] + (RIGHT[i] ? pad + cell : n === 0 && i === r.length - 1 ? cell : cell + pad);
    });
    out += `${line}\n`;
  });
  return out;
}

function byAddr(a: InetAddr, b: InetAddr): number {
  if (isV6(a) !== isV6(b)) return isV6(a) ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** inet6_bind sets IPV6_V6ONLY on a socket bound to one IPv6 address (INET_DIAG_SKV6ONLY) */
function v6only(a: InetAddr): boolean {
  return isV6(a) && a !== 0n;
}

/** inet_addr_print: `::` of a dual-stack socket is `*`, other IPv6 addresses are bracketed. */
function addrText(a: InetAddr, only6: boolean): string {
  if (!isV6(a)) return ip4ToString(a);
  return a === 0n && !only6 ? '*' : `[${formatIp6(a)}]`;
}

/** A connection's address; an IPv6 socket's IPv4 peer is an IPv4-mapped address. */
function connText(a: InetAddr, mapped: boolean | undefined): string {
  return mapped && !isV6(a) ? `[::ffff:${ip4ToString(a)}]` : addrText(a, true);
}

/** Runs ss in the namespace of `ctx`. */
export function runSs(ctx: ProgramContext, argv: string[]): ProgramResult {
  const flags = new Set<string>();
  for (const a of argv) {
    const long: Record<string, string> = { '--tcp': 't', '--udp': 'u', '--listening': 'l', '--all': 'a', '--numeric': 'n' };
    if (long[a]) flags.add(long[a]!);
    else if (/^-[tulan]+$/.test(a)) for (const c of a.slice(1)) flags.add(c);
    else return unsupported(`ss ${a}`);
  }
  if (flags.has('t') === flags.has('u')) return unsupported('ss without exactly one of -t and -u');
  if (!flags.has('n')) return unsupported('ss without -n (service names)');
  const listening = flags.has('l') || flags.has('a');
  const connected = !flags.has('l') || flags.has('a');
  const rows: Row[] = [];
  const ns = ctx.ns;
  if (flags.has('t')) {
    const t = tcpTable(ctx.sim);
    const listeners = [...(t.listeners.get(ns) ?? [])].sort((a, b) => a.port - b.port || byAddr(a.local, b.local));
    if (listening)
      for (const l of listeners)
        rows.push(['LISTEN', '0', String(l.backlog), `${addrText(l.local, v6only(l.local))}:`, String(l.port), `${addrText(isV6(l.local) ? 0n : 0, v6only(l.local))}:`, '*', '']);
    if (connected) {
      // without -a, ss's default filter (SS_CONN) leaves out TIME-WAIT and SYN-RECV
      const skip = flags.has('a') ? ['CLOSED'] : ['CLOSED', 'TIME-WAIT', 'SYN-RECV'];
      const conns = [...(t.conns.get(ns) ?? [])].filter((c) => !skip.includes(c.state)).sort((a, b) => a.lport - b.lport || a.rport - b.rport);
      for (const c of conns) rows.push([c.state, '0', '0', `${connText(c.local, c.mapped)}:`, String(c.lport), `${connText(c.remote, c.mapped)}:`, String(c.rport), '']);
    }
  } else {
    // a VXLAN device that is up holds a kernel socket on its port, bound to the wildcard of its
    // family (vxlan_create_sock; an IPv6 one is V6ONLY), one per port and family
    const kernel = new Map<string, UdpSocket>();
    for (const l of ns.linkList()) {
      const v = vxlanSocketOf(l);
      if (v) kernel.set(`${v.v6}|${v.port}`, { ns, local: v.v6 ? 0n : 0, port: v.port, remote: null, remotePort: 0, onDatagram() {}, onError() {} });
    }
    const kernelSocks = new Set(kernel.values());
    const socks = [...udpTable(ctx.sim).sockets(ns), ...kernelSocks].sort((a, b) => a.port - b.port || byAddr(a.local, b.local));
    for (const s of socks) {
      const conn = s.remote !== null;
      if (conn ? !connected : !listening) continue;
      // an IPv6 socket's IPv4 addresses are mapped; one bound to an IPv6 address is IPV6_V6ONLY
      const only6 = v6only(s.local) || (kernelSocks.has(s) && isV6(s.local));
      const peer = conn ? connText(s.remote!, s.v6) : addrText(isV6(s.local) ? 0n : 0, only6);
      rows.push([conn ? 'ESTAB' : 'UNCONN', '0', '0', `${conn ? connText(s.local, s.v6) : addrText(s.local, only6)}:`, String(s.port), `${peer}:`, conn ? String(s.remotePort) : '*', '']);
    }
  }
  return { exit: 0, stdout: render(rows), stderr: '' };
}
