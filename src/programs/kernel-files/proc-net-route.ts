/**
 * /proc/net/route (fib_route_seq_show): the main table's routes in trie order, addresses as the
 * kernel prints a big-endian word on a little-endian machine (`%08X` of 10.0.0.0 is 0000000A),
 * each line padded to 127 characters.
 */
import type { Netns } from '../../model/netns.js';
import { TABLE } from '../../model/route.js';

const RTF_UP = 0x1;
const RTF_GATEWAY = 0x2;
const RTF_HOST = 0x4;
const RTF_REJECT = 0x200;

/** A big-endian IPv4 word read as x86 reads it, in `%08X`. */
function le(a: number): string {
  const swapped = (((a & 0xff) << 24) | ((a & 0xff00) << 8) | ((a >>> 8) & 0xff00) | (a >>> 24)) >>> 0;
  return swapped.toString(16).toUpperCase().padStart(8, '0');
}

function pad(line: string): string {
  return `${line.padEnd(127)}\n`;
}

export function procNetRoute(ns: Netns): string {
  let out = pad('Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT');
  const main = ns.tables.get(TABLE.main);
  for (const r of main?.routes ?? []) {
    if (r.type === 'broadcast' || r.type === 'multicast') continue;
    const mask = r.dstLen === 0 ? 0 : (0xffffffff << (32 - r.dstLen)) >>> 0;
    let flags = r.type === 'unreachable' || r.type === 'prohibit' ? RTF_REJECT : 0;
    if (r.gateway !== null) flags |= RTF_GATEWAY;
    if (r.dstLen === 32) flags |= RTF_HOST;
    flags |= RTF_UP;
    const mtu = 0;
    out += pad(`${r.dev ? r.dev.name : '*'}\t${le(r.dst)}\t${le(r.gateway ?? 0)}\t${flags.toString(16).toUpperCase().padStart(4, '0')}\t0\t0\t${r.metric}\t${le(mask)}\t${mtu}\t0\t0`);
  }
  return out;
}
