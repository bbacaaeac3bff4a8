/**
 * iproute2's name databases (lib/rt_names.c, ip/rtm_map.c): routing tables, route protocols,
 * scopes, route types and DS fields, number ↔ name. The tables are what iproute2 6.1 reads on
 * this project's reference machine (Debian 12): /etc/iproute2/rt_tables (255 local, 254 main,
 * 253 default, 0 unspec), rt_protos (the built-in names plus 99 openr), rt_scopes, rt_dsfield,
 * and empty rt_tables.d/ and rt_protos.d/. A host with other files would print other names.
 * Each database is one table read both ways: n2a for printing, a2n for parsing (numbers read
 * with C's strtoul, as iproute2 does).
 */
import { matches, strtoul } from './args.js';
import type { RouteType } from '../model/route.js';

/** rt_tables: id → name. Table 0 is `unspec` because the file says so. */
const TABLES = new Map<number, string>([
  [255, 'local'],
  [254, 'main'],
  [253, 'default'],
  [0, 'unspec'],
]);

/** rt_protos (the built-in rtnl_rtprot_tab, then /etc/iproute2/rt_protos over it). */
const PROTOS = new Map<number, string>([
  [0, 'unspec'],
  [1, 'redirect'],
  [2, 'kernel'],
  [3, 'boot'],
  [4, 'static'],
  [8, 'gated'],
  [9, 'ra'],
  [10, 'mrt'],
  [11, 'zebra'],
  [12, 'bird'],
  [13, 'dnrouted'],
  [14, 'xorp'],
  [15, 'ntk'],
  [16, 'dhcp'],
  [18, 'keepalived'],
  [42, 'babel'],
  [99, 'openr'],
  [186, 'bgp'],
  [187, 'isis'],
  [188, 'ospf'],
  [189, 'rip'],
  [192, 'eigrp'],
]);

/** rt_scopes (built-ins and file agree). */
const SCOPES = new Map<number, string>([
  [0, 'global'],
  [255, 'nowhere'],
  [254, 'host'],
  [253, 'link'],
  [200, 'site'],
]);

/** rt_dsfield: the names `tos` values print as (anything else prints as 0x%02x). */
const DSFIELDS = new Map<number, string>([
  [0x00, 'default'],
  [0x28, 'AF11'],
  [0x30, 'AF12'],
  [0x38, 'AF13'],
  [0x48, 'AF21'],
  [0x50, 'AF22'],
  [0x58, 'AF23'],
  [0x68, 'AF31'],
  [0x70, 'AF32'],
  [0x78, 'AF33'],
  [0x88, 'AF41'],
  [0x90, 'AF42'],
  [0x98, 'AF43'],
  [0x20, 'CS1'],
  [0x40, 'CS2'],
  [0x60, 'CS3'],
  [0x80, 'CS4'],
  [0xa0, 'CS5'],
  [0xc0, 'CS6'],
  [0xe0, 'CS7'],
  [0xb8, 'EF'],
]);

/** RTN_* numbers (rtnetlink.h). */
export const RTN = {
  unspec: 0,
  unicast: 1,
  local: 2,
  broadcast: 3,
  anycast: 4,
  multicast: 5,
  blackhole: 6,
  unreachable: 7,
  prohibit: 8,
  throw: 9,
  nat: 10,
  xresolve: 11,
} as const;

/** RTN_* numbers the model has a route type for (IPv6 has all but broadcast). */
export const MODEL_ROUTE_TYPES: Readonly<Record<number, RouteType>> = {
  [RTN.unicast]: 'unicast',
  [RTN.local]: 'local',
  [RTN.broadcast]: 'broadcast',
  [RTN.anycast]: 'anycast',
  [RTN.multicast]: 'multicast',
  [RTN.blackhole]: 'blackhole',
  [RTN.unreachable]: 'unreachable',
  [RTN.prohibit]: 'prohibit',
  [RTN.throw]: 'throw',
};

/** rtnl_rtntype_n2a's names: RTN_UNSPEC prints as `none`. */
const RTN_NAMES = new Map<number, string>(Object.entries(RTN).map(([k, v]) => [v, v === RTN.unspec ? 'none' : k]));

/** A name's number in one of the databases (a Map, so no inherited key is ever a name). */
function byName(names: ReadonlyMap<number, string>, arg: string): number | null {
  for (const [id, name] of names) if (name === arg) return id;
  return null;
}

/** get_unsigned with an upper bound, as the a2n functions read a number: the whole string, C strtoul. */
function number(arg: string, max: bigint, base = 0): number | null {
  const r = strtoul(arg, base);
  if (r.end === 0 || r.end !== arg.length || r.erange || r.value > max) return null;
  return Number(r.value);
}

/** rtnl_rttable_n2a: `local`, `main`, … or the number. */
export function tableName(id: number): string {
  return TABLES.get(id) ?? String(id >>> 0);
}

/** rtnl_rttable_a2n: a table name or a number up to 2^32-1; null if neither. */
export function rttableA2n(arg: string): number | null {
  return byName(TABLES, arg) ?? number(arg, 0xffffffffn);
}

/** rtnl_rtprot_n2a. */
export function protoName(id: number): string {
  return PROTOS.get(id) ?? String(id);
}

/** rtnl_rtprot_a2n: a protocol name or a number ≤ 255. */
export function rtprotA2n(arg: string): number | null {
  return byName(PROTOS, arg) ?? number(arg, 255n);
}

/** rtnl_rtscope_n2a. */
export function scopeName(id: number): string {
  return SCOPES.get(id) ?? String(id);
}

/** rtnl_rtscope_a2n: a scope name or a number ≤ 255. */
export function rtscopeA2n(arg: string): number | null {
  return byName(SCOPES, arg) ?? number(arg, 255n);
}

/** rtnl_rtntype_n2a. */
export function rtnTypeName(id: number): string {
  return RTN_NAMES.get(id) ?? String(id);
}

/** rtnl_rtntype_a2n: `local`/`nat`/`throw` exactly, the others by prefix (`bl` is blackhole), or a number ≤ 255. */
export function rtntypeA2n(arg: string): number | null {
  if (arg === 'local') return RTN.local;
  if (arg === 'nat') return RTN.nat;
  if (matches(arg, 'broadcast') || arg === 'brd') return RTN.broadcast;
  if (matches(arg, 'anycast')) return RTN.anycast;
  if (matches(arg, 'multicast')) return RTN.multicast;
  if (matches(arg, 'prohibit')) return RTN.prohibit;
  if (matches(arg, 'unreachable')) return RTN.unreachable;
  if (matches(arg, 'blackhole')) return RTN.blackhole;
  if (matches(arg, 'xresolve')) return RTN.xresolve;
  if (matches(arg, 'unicast')) return RTN.unicast;
  if (arg === 'throw') return RTN.throw;
  return number(arg, 255n);
}

/** rtnl_dsfield_n2a: a DS field name, else `0x%02x`. */
export function dsfieldName(id: number): string {
  return DSFIELDS.get(id) ?? `0x${id.toString(16).padStart(2, '0')}`;
}

/** rtnl_dsfield_a2n: a DS field name, else hexadecimal (base 16 even without 0x) ≤ 255. */
export function dsfieldA2n(arg: string): number | null {
  return byName(DSFIELDS, arg) ?? number(arg, 255n, 16);
}
