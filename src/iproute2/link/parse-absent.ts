/**
 * `ip link add NAME type KIND OPTIONS` for kinds this kernel lacks (gre, ipip, vlan, vrf, …):
 * iproute2 still parses the options with the kind's own parse_opt (ip/link_gre.c,
 * link_iptnl.c, iplink_vlan.c, iplink_vrf.c of 6.1.0), so its mistakes are reported first;
 * whatever it accepts, the kernel then refuses with `Error: Unknown device type.`.
 *
 * Only the common options are read here, with iproute2's checks; anything else (an option
 * this table lacks, a value whose message the model does not know) is reported as not
 * modelled rather than guessed.
 */
import { exitWith, getAddr, getU16, getU32, getU8, incomplete, invarg, llNameToIndex, matches, nodevText, notModelled } from '../args.js';
import { rttableA2n } from '../names.js';
import { isMulticast } from '../../model/ip.js';
import type { CmdContext } from '../types.js';

/** How an option's value is read. */
type Value =
  | 'none'
  /** get_addr(AF_INET): `any` allowed, iproute2's message otherwise */
  | 'addr4'
  /** ll_name_to_index, `exit(nodev())` (255) when missing */
  | 'dev'
  | 'ttl'
  | 'tos'
  | 'key'
  | 'u16port'
  | 'u32mark'
  | 'vlanid'
  | 'vlanproto'
  | 'onoff'
  | 'rttable'
  | 'tnlmode'
  /** ipvlan's `mode l2|l3|l3s` */
  | 'ipvlanmode';

/** [name, matched by abbreviation?, value] in the parser's test order. */
type Opt = [name: string, abbrev: boolean, value: Value];

const GRE_FLAGS = ['nokey', 'noikey', 'nookey', 'seq', 'noseq', 'iseq', 'noiseq', 'oseq', 'nooseq', 'csum', 'nocsum', 'icsum', 'noicsum', 'ocsum', 'noocsum', 'nopmtudisc', 'pmtudisc'];

/** gre_parse_opt (gre, gretap). */
const GRE: Opt[] = [
  ['key', true, 'key'],
  ['ikey', true, 'key'],
  ['okey', true, 'key'],
  ...GRE_FLAGS.map((f): Opt => [f, true, 'none']),
  ['remote', true, 'addr4'],
  ['local', true, 'addr4'],
  ['dev', true, 'dev'],
  ['ttl', true, 'ttl'],
  ['hoplimit', true, 'ttl'],
  ['hlim', true, 'ttl'],
  ['tos', true, 'tos'],
  ['tclass', true, 'tos'],
  ['dsfield', true, 'tos'],
  ['noencap', false, 'none'],
  ['external', false, 'none'],
  ['ignore-df', false, 'none'],
  ['noignore-df', false, 'none'],
  ['fwmark', false, 'u32mark'],
];

/** iptunnel_parse_opt (ipip, sit). */
const IPTNL: Opt[] = [
  ['mode', false, 'tnlmode'],
  ['remote', false, 'addr4'],
  ['local', false, 'addr4'],
  ['dev', true, 'dev'],
  ['ttl', false, 'ttl'],
  ['hoplimit', false, 'ttl'],
  ['hlim', false, 'ttl'],
  ['tos', false, 'tos'],
  ['tclass', false, 'tos'],
  ['tc', false, 'tos'],
  ['dsfield', true, 'tos'],
  ['nopmtudisc', false, 'none'],
  ['pmtudisc', false, 'none'],
  ['noencap', false, 'none'],
  ['external', false, 'none'],
  ['fwmark', false, 'u32mark'],
];

/** vlan_parse_opt. */
const VLAN: Opt[] = [
  ['protocol', true, 'vlanproto'],
  ['id', true, 'vlanid'],
  ['reorder_hdr', true, 'onoff'],
  ['gvrp', true, 'onoff'],
  ['mvrp', true, 'onoff'],
  ['loose_binding', true, 'onoff'],
  ['bridge_binding', true, 'onoff'],
];

/**
 * ipvlan_parse_opt: `private`, `vepa` and `bridge` are flags (only the first of them is taken;
 * a second one is an unknown option, not modelled here).
 */
const IPVLAN: Opt[] = [
  ['mode', false, 'ipvlanmode'],
  ['private', false, 'none'],
  ['vepa', false, 'none'],
  ['bridge', false, 'none'],
];

/** vrf_parse_opt. */
const VRF: Opt[] = [['table', true, 'rttable']];

const PARSERS: Record<string, Opt[]> = { gre: GRE, gretap: GRE, ipip: IPTNL, sit: IPTNL, vlan: VLAN, vrf: VRF, ipvlan: IPVLAN, ipvtap: IPVLAN };

/** The option `arg` names in `kind`'s parser (in the parser's order, abbreviations as it takes them) and whether a value follows it. */
export function absentKindOption(kind: string, arg: string): { name: string; value: boolean } | null {
  const opt = PARSERS[kind]?.find(([name, abbrev]) => (abbrev ? matches(arg, name) : arg === name));
  return opt ? { name: opt[0], value: opt[2] !== 'none' } : null;
}

/** Kinds whose options this file reads. */
export function hasAbsentKindParser(kind: string): boolean {
  return kind in PARSERS;
}

/**
 * Reads the options of an absent kind as its iproute2 parser does: exits with iproute2's
 * message for the mistakes it knows, reports anything else as not modelled, and returns when
 * iproute2 would send the request (which the kernel then refuses).
 */
export function parseAbsentKindOpts(ctx: CmdContext, kind: string, args: string[]): void {
  const table = PARSERS[kind];
  if (!table) notModelled(`ip link type ${kind} options`);
  let remoteMulticast = false;
  let localGiven = false;
  let ipvlanFlag = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const opt = table.find(([name, abbrev]) => (abbrev ? matches(arg, name) : arg === name));
    if (!opt) notModelled(`ip link type ${kind} option ${arg}`);
    const [name, , value] = opt;
    if (table === IPVLAN && value === 'none') {
      if (ipvlanFlag) notModelled(`ip link type ${kind}: a second mode flag (${arg})`);
      ipvlanFlag = true;
    }
    if (value === 'none') continue;
    i++;
    if (i >= args.length) incomplete();
    const v = args[i];
    switch (value) {
      case 'addr4': {
        const a = getAddr(v, 'inet');
        if (name === 'remote' && !a.keyword && isMulticast(a.addr)) remoteMulticast = true;
        if (name === 'local' && !a.keyword) localGiven = true;
        break;
      }
      case 'dev':
        if (!llNameToIndex(ctx.ns, v)) exitWith(nodevText(v), 255);
        break;
      case 'ttl':
        if (v !== 'inherit' && getU8(v) === null) invarg('invalid TTL\n', v);
        break;
      case 'tos':
        if (v !== 'inherit' && !/^(0x)?[0-9a-f]{1,2}$/i.test(v)) notModelled(`ip link type ${kind} tos ${v}`);
        break;
      case 'key':
        if (getU32(v) === null && !/^\d+\.\d+\.\d+\.\d+$/.test(v)) notModelled(`ip link type ${kind} key ${v}`);
        break;
      case 'u32mark':
        if (getU32(v) === null) invarg('invalid fwmark\n', v);
        break;
      case 'u16port':
        if (getU16(v) === null) notModelled(`ip link type ${kind} ${name} ${v}`);
        break;
      case 'vlanid':
        if (getU16(v) === null) invarg('id is invalid', v);
        break;
      case 'vlanproto':
        if (!/^802\.1(q|ad)$/i.test(v)) notModelled(`ip link type vlan protocol ${v}`);
        break;
      case 'onoff':
        if (v !== 'on' && v !== 'off') notModelled(`ip link type vlan ${name} ${v}`);
        break;
      case 'rttable':
        if (rttableA2n(v) === null) invarg('invalid table ID\n', v);
        break;
      case 'ipvlanmode':
        if (v !== 'l2' && v !== 'l3' && v !== 'l3s') notModelled(`ip link type ${kind} mode ${v}`);
        break;
      case 'tnlmode':
        if (!['ipv4/ipv4', 'ipip', 'ip4ip4', 'any/ipv4', 'any', ...(kind === 'sit' ? ['ipv6/ipv4', 'ip6ip'] : [])].includes(v)) {
          notModelled(`ip link type ${kind} mode ${v}`);
        }
        break;
    }
  }
  // gre: a multicast remote makes a broadcast tunnel, which wants a local address
  if (table === GRE && remoteMulticast && !localGiven) notModelled('a broadcast GRE tunnel without a local address');
}
