/**
 * `ifconfig`, `ifconfig -a` and `ifconfig IF` of net-tools 2.10 (Debian 12): each interface's
 * block (lib/interface.c ife_print_long). The list is /proc/net/dev's devices, then the labels
 * of IPv4 addresses (SIOCGIFCONF: `eth0:1`), kept sorted by nstrcmp as add_interface inserts
 * them; without -a only the devices that are up. A block shows the flags (dev_get_flags), the
 * first IPv4 address whose label is the name (SIOCGIFADDR: its netmask, its broadcast — 0.0.0.0
 * when none was given — and a point-to-point peer), the device's IPv6 addresses, the hardware
 * address and txqueuelen, and /proc/net/dev's counters (not for an alias label). The counters
 * are the simulator's, as `ip -s link` shows them. Not modelled: a device with more than one
 * IPv6 address (/proc/net/if_inet6 lists them in the order of a hash the kernel seeds at
 * random per namespace), hardware types other than Ethernet, loopback and none, devices whose
 * counters the simulator does not keep.
 */
import { IFF, linkFlags } from '../iproute2/link/ifinfo.js';
import { KINDS } from '../model/kinds/index.js';
import type { Link } from '../model/link.js';
import { ip4ToString } from '../model/ip.js';
import { formatIp6, isIp6LinkLocal } from '../model/ipv6/ip6.js';
import type { CmdContext, CommandResult, LinkCounters } from '../iproute2/types.js';
import { unsupported } from '../iproute2/types.js';

/** lib/nstrcmp.c's alias part: the digits after the last `:`, cut off the name. */
function cutAlias(name: string): { base: string; alias: string | null } {
  const m = /^(.*):(\d+)$/.exec(name);
  return m ? { base: m[1]!, alias: m[2]! } : { base: name, alias: null };
}

/** strcmp on bytes */
const strcmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** nstrcmp: names compared with their trailing numbers as numbers, an alias after its device. */
export function nstrcmp(ap: string, bp: string): number {
  const a = cutAlias(ap);
  const b = cutAlias(bp);
  const ai = a.base.replace(/\d+$/, '').length;
  const bi = b.base.replace(/\d+$/, '').length;
  const n = Math.min(ai, bi);
  const res = strcmp(a.base.slice(0, n), b.base.slice(0, n));
  if (res !== 0) return res;
  if (ai !== bi) return ai > bi ? 1 : -1;
  const av = Number(a.base.slice(ai) || 0);
  const bv = Number(b.base.slice(bi) || 0);
  if (av !== bv) return av < bv ? -1 : 1;
  const r = strcmp(a.base, b.base);
  if (r !== 0) return r;
  const aa = a.alias === null ? -1 : Number(a.alias);
  const ba = b.alias === null ? -1 : Number(b.alias);
  if (aa !== ba) return aa < ba ? -1 : 1;
  return a.alias !== null && b.alias !== null ? strcmp(a.alias, b.alias) : 0;
}

/** add_interface: the list, walked from its end, gets the name after the last one before it. */
function addInterface(list: string[], name: string): void {
  let i = list.length - 1;
  for (; i >= 0; i--) {
    const n = nstrcmp(list[i]!, name);
    if (n === 0) return;
    if (n < 0) break;
  }
  list.splice(i + 1, 0, name);
}

const FLAG_NAMES: Array<[number, string]> = [
  [IFF.UP, 'UP'],
  [IFF.BROADCAST, 'BROADCAST'],
  [IFF.DEBUG, 'DEBUG'],
  [IFF.LOOPBACK, 'LOOPBACK'],
  [IFF.POINTOPOINT, 'POINTOPOINT'],
  [IFF.NOTRAILERS, 'NOTRAILERS'],
  [IFF.RUNNING, 'RUNNING'],
  [IFF.NOARP, 'NOARP'],
  [IFF.PROMISC, 'PROMISC'],
  [IFF.ALLMULTI, 'ALLMULTI'],
  [IFF.SLAVE, 'SLAVE'],
  [IFF.MASTER, 'MASTER'],
  [IFF.MULTICAST, 'MULTICAST'],
  [IFF.DYNAMIC, 'DYNAMIC'],
];

/** ife_unit: bytes as B, KiB, MiB … with one decimal, truncated. */
function unit(v: number): string {
  const units: Array<[number, string]> = [
    [1024 ** 4, 'TiB'],
    [1024 ** 3, 'GiB'],
    [1024 ** 2, 'MiB'],
    [1024, 'KiB'],
  ];
  for (const [size, name] of units) {
    if (v > size) {
      const tenths = Math.floor((v * 10) / size);
      return `${Math.floor(tenths / 10)}.${tenths % 10} ${name}`;
    }
  }
  return `${v}.0 B`;
}

const maskOf = (len: number): number => (len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0);

/** /proc/net/if_inet6's scope of an address (ipv6_addr_scope's type bits) and ifconfig's name of it. */
function scopeOf(a: bigint): string {
  if (a === 1n) return '0x10<host>';
  if (isIp6LinkLocal(a)) return '0x20<link>';
  if (a >> 118n === 0x3fbn) return '0x40<site>';
  return '0x0<global>';
}

/** ife_print_long for one name of the list, or why it is not modelled. */
function block(l: Link, name: string, stats: LinkCounters | null): string {
  const flags = linkFlags(l) & 0xffff;
  const names = FLAG_NAMES.filter(([bit]) => flags & bit).map(([, n]) => n);
  let out = `${name}: flags=${flags}<${names.join(',')}>  mtu ${l.mtu}\n`;
  const a = l.addrs.find((x) => x.label === name);
  if (a) {
    out += `        inet ${ip4ToString(a.local)}  netmask ${ip4ToString(maskOf(a.prefixLen))}`;
    if (flags & IFF.BROADCAST) out += `  broadcast ${ip4ToString(a.broadcast ?? 0)}`;
    if (flags & IFF.POINTOPOINT) out += `  destination ${ip4ToString(a.address)}`;
    out += '\n';
  }
  if (name === l.name) for (const a6 of l.inet6.addrs) out += `        inet6 ${formatIp6(a6.addr)}  prefixlen ${a6.prefixLen}  scopeid ${scopeOf(a6.addr)}\n`;
  const type = KINDS[l.kind].type;
  if (type === 'ether') out += `        ether ${l.mac}  txqueuelen ${l.txqlen}  (Ethernet)\n`;
  else if (type === 'loopback') out += `        loop  txqueuelen ${l.txqlen}  (Local Loopback)\n`;
  else out += `        unspec ${Array(16).fill('00').join('-')}  txqueuelen ${l.txqlen}  (UNSPEC)\n`;
  if (stats) {
    out += `        RX packets ${stats.rxPackets}  bytes ${stats.rxBytes} (${unit(stats.rxBytes)})\n`;
    out += '        RX errors 0  dropped 0  overruns 0  frame 0\n';
    out += `        TX packets ${stats.txPackets}  bytes ${stats.txBytes} (${unit(stats.txBytes)})\n`;
    out += '        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0\n';
  }
  return `${out}\n`;
}

/** What the model cannot show of a device, or null. */
function gap(ctx: CmdContext, l: Link): string | null {
  if (!['ether', 'loopback', 'none'].includes(KINDS[l.kind].type)) return `ifconfig listing of a ${l.kind} device`;
  if (l.inet6.addrs.length > 1) return `ifconfig listing of ${l.name}: its IPv6 addresses come in the order of a hash the kernel seeds at random`;
  const s = ctx.linkStats?.(l);
  if (!s) return `ifconfig listing of a ${l.kind} device (its counters)`;
  if (s.unpredictable) return `ifconfig listing (counters of ${l.name}: ${s.unpredictable})`;
  return null;
}

/**
 * `ifconfig [-a]` (all: true with -a) or `ifconfig IF` (one: the name).
 *
 * @example
 * listInterfaces(ctx, { all: false }); // the blocks of the devices that are up, sorted by name
 */
export function listInterfaces(ctx: CmdContext, what: { all: boolean } | { one: string }): CommandResult {
  const ns = ctx.ns;
  if ('one' in what) {
    const base = what.one.split(':')[0]!;
    const l = ns.linkByName(base);
    if (!l) return { exit: 1, stdout: '', stderr: `${what.one}: error fetching interface information: Device not found\n` };
    const why = gap(ctx, l);
    if (why) return unsupported(why);
    return { exit: 0, stdout: block(l, what.one, what.one === l.name ? ctx.linkStats!(l) : null), stderr: '' };
  }
  const names: string[] = [];
  for (const l of ns.links.values()) addInterface(names, l.name);
  for (const l of ns.links.values()) for (const a of l.addrs) addInterface(names, a.label);
  let out = '';
  for (const name of names) {
    const l = ns.linkByName(name.split(':')[0]!);
    if (!l || (!l.up && !what.all)) continue;
    const why = gap(ctx, l);
    if (why) return unsupported(why);
    out += block(l, name, name === l.name ? ctx.linkStats!(l) : null);
  }
  return { exit: 0, stdout: out, stderr: '' };
}
