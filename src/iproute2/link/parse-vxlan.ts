/**
 * `ip link add DEV type vxlan OPTIONS` (ip/iplink_vxlan.c vxlan_parse_opt, iproute2 6.1.0),
 * with its checks in the same order, its duplicate detection, and the dstport warning it
 * prints on success.
 */
import type { VxlanSpec } from '../../ops/op.js';
import { Argv, duparg2, exitWith, getAddr, getU16, getU32, getUnsigned, invarg, llNameToIndex, matches, nodevText, type Family, type InetPrefix } from '../args.js';
import { dsfieldA2n } from '../names.js';
import { isMulticast } from '../../model/ip.js';
import type { IpEither } from '../../model/ipv6/either.js';
import { isIp6Multicast } from '../../model/ipv6/ip6.js';
import type { Gaps } from '../plan.js';
import type { CmdContext } from '../types.js';
import { VXLAN_USAGE } from '../usage.js';

const DSTPORT_WARNING =
  'vxlan: destination port not specified\n' +
  'Will use Linux kernel default (non-standard value)\n' +
  "Use 'dstport 4789' to get the IANA assigned value\n" +
  "Use 'dstport 0' to get default and quiet this message\n";

/** Flag-like options and the attribute their duplicates are counted against. */
const FLAGS: Array<[name: string, attr: string, exact?: boolean]> = [
  ['nolearning', 'learning'],
  ['learning', 'learning'],
  ['noproxy', 'proxy'],
  ['proxy', 'proxy'],
  ['norsc', 'rsc'],
  ['rsc', 'rsc'],
  ['nol2miss', 'l2miss'],
  ['l2miss', 'l2miss'],
  ['nol3miss', 'l3miss'],
  ['l3miss', 'l3miss'],
  ['udpcsum', 'udpcsum'],
  ['noudpcsum', 'udpcsum'],
  ['udp6zerocsumtx', 'udp6zerocsumtx'],
  ['noudp6zerocsumtx', 'udp6zerocsumtx'],
  ['udp6zerocsumrx', 'udp6zerocsumrx'],
  ['noudp6zerocsumrx', 'udp6zerocsumrx'],
  ['remcsumtx', 'remcsumtx'],
  ['noremcsumtx', 'remcsumtx'],
  ['remcsumrx', 'remcsumrx'],
  ['noremcsumrx', 'remcsumrx'],
  ['external', 'external'],
  ['noexternal', 'external'],
  ['gbp', 'gbp'],
  ['gpe', 'gpe'],
  ['vnifilter', 'vnifilter', true],
  ['novnifilter', 'vnifilter', true],
];

/** is_addrtype_inet_not_multi(): an address that is not multicast (0.0.0.0 and :: included). */
function unicast(p: InetPrefix | null): boolean {
  if (p === null) return false;
  if (p.family === 'inet6') return !isIp6Multicast(p.addr6 ?? 0n);
  return p.family === 'inet' && !isMulticast(p.addr);
}

function multicast(p: InetPrefix | null): boolean {
  if (p === null) return false;
  if (p.family === 'inet6') return isIp6Multicast(p.addr6 ?? 0n);
  return p.family === 'inet' && isMulticast(p.addr);
}

/** The address as the spec holds it (an IPv6 one as a bigint); the unspecified address means none. */
function either(p: InetPrefix | null): IpEither | null {
  if (p === null) return null;
  if (p.family === 'inet6') return p.addr6 ? p.addr6 : null;
  return p.family === 'inet' && p.addr !== 0 ? p.addr : null;
}

/**
 * vxlan_parse_opt(). `setOp` is `ip link set ... type vxlan` (a change, where the id and port
 * may be left out). Returns the spec and the warning iproute2 prints before the request.
 */
export function parseVxlanOpts(ctx: CmdContext, argv: string[], setOp: boolean, gaps: Gaps): { spec: VxlanSpec; warn: string } {
  const spec: VxlanSpec = { id: null, dstport: null, local: null, remote: null, group: null, dev: null, learning: null, ttl: null };
  const attrs = new Set<string>();
  const dup = (attr: string, key: string, arg: string): void => {
    if (attrs.has(attr)) duparg2(key, arg);
    attrs.add(attr);
  };
  let saddr: InetPrefix | null = null;
  let daddr: InetPrefix | null = null;
  let learning = true;
  let metadata = false;
  let vnifilter = false;
  let dstport = 0;
  const a = new Argv(argv);
  const fam = (p: InetPrefix | null): Family => (p ? p.family : null);
  while (a.more) {
    const arg = a.cur;
    if (matches(arg, 'id') || matches(arg, 'vni')) {
      const v = a.next();
      dup('id', 'id', v);
      const n = getU32(v);
      if (n === null || n >= 1 << 24) invarg('invalid id', v);
      spec.id = n;
    } else if (matches(arg, 'group')) {
      if (unicast(daddr)) exitWith('vxlan: both group and remote cannot be specified\n', 1);
      const v = a.next();
      dup('group', 'group', v);
      daddr = getAddr(v, fam(saddr), { v6: true });
      if (!multicast(daddr)) invarg('invalid group address', v);
    } else if (matches(arg, 'remote')) {
      if (multicast(daddr)) exitWith('vxlan: both group and remote cannot be specified\n', 1);
      const v = a.next();
      dup('group', 'remote', v);
      daddr = getAddr(v, fam(saddr), { v6: true });
      if (!unicast(daddr)) invarg('invalid remote address', v);
    } else if (matches(arg, 'local')) {
      const v = a.next();
      dup('local', 'local', v);
      saddr = getAddr(v, fam(daddr), { v6: true });
      if (!unicast(saddr)) invarg('invalid local address', v);
    } else if (matches(arg, 'dev')) {
      const v = a.next();
      dup('link', 'dev', v);
      const l = llNameToIndex(ctx.ns, v);
      if (!l) exitWith(nodevText(v), 255);
      spec.dev = l.name;
    } else if (matches(arg, 'ttl') || matches(arg, 'hoplimit')) {
      const v = a.next();
      dup('ttl', 'ttl', v);
      if (v === 'inherit') {
        gaps.add('vxlan ttl inherit');
      } else if (v === 'auto') {
        spec.ttl = 0;
      } else {
        const n = getUnsigned(v);
        if (n === null) invarg('invalid TTL', v);
        if (n > 255) invarg('TTL must be <= 255', v);
        spec.ttl = n;
      }
    } else if (matches(arg, 'tos') || matches(arg, 'dsfield')) {
      const v = a.next();
      dup('tos', 'tos', v);
      if (v !== 'inherit' && dsfieldA2n(v) === null) invarg('bad TOS value', v);
      gaps.add('vxlan tos');
    } else if (matches(arg, 'df')) {
      const v = a.next();
      dup('df', 'df', v);
      if (v !== 'unset' && v !== 'set' && v !== 'inherit') invarg("DF must be 'unset', 'set' or 'inherit'", v);
      gaps.add('vxlan df');
    } else if (matches(arg, 'label') || matches(arg, 'flowlabel')) {
      const v = a.next();
      dup('label', 'flowlabel', v);
      const n = getU32(v);
      if (n === null || n & ~0xfffff) invarg('invalid flowlabel', v);
      gaps.add('vxlan flowlabel');
    } else if (matches(arg, 'ageing')) {
      const v = a.next();
      dup('ageing', 'ageing', v);
      if (v !== 'none' && getU32(v) === null) invarg('ageing timer', v);
      // a new device's ageing is the kernel's default, 300 s (what -d shows): only another value is a gap
      if (setOp || getU32(v) !== 300) gaps.add('vxlan ageing');
    } else if (matches(arg, 'maxaddress')) {
      const v = a.next();
      dup('limit', 'maxaddress', v);
      if (v !== 'unlimited' && getU32(v) === null) invarg('max addresses', v);
      gaps.add('vxlan maxaddress');
    } else if (matches(arg, 'port') || matches(arg, 'srcport')) {
      const lo = a.next();
      dup('port_range', 'srcport', lo);
      if (getU16(lo) === null) invarg('min port', lo);
      const hi = a.next();
      if (getU16(hi) === null) invarg('max port', hi);
      gaps.add('vxlan srcport');
    } else if (matches(arg, 'dstport')) {
      const v = a.next();
      dup('port', 'dstport', v);
      const n = getU16(v);
      if (n === null) invarg('dst port', v);
      dstport = n;
    } else {
      const flag = FLAGS.find(([name, , exact]) => (exact ? arg === name : matches(arg, name)));
      if (!flag) {
        if (matches(arg, 'help')) exitWith(VXLAN_USAGE, 1);
        exitWith(`vxlan: unknown command "${arg}"?\n${VXLAN_USAGE}`, 1);
      }
      const [name, attr] = flag;
      dup(attr, arg, arg);
      if (name === 'nolearning') learning = false;
      else if (name === 'learning') learning = true;
      else if (name === 'external') {
        metadata = true;
        learning = false;
      } else if (name === 'noexternal') metadata = false;
      else if (name === 'vnifilter') vnifilter = true;
      else if (name === 'proxy' || name === 'l2miss' || name === 'l3miss') spec[name] = true;
      else if (name === 'noproxy' || name === 'nol2miss' || name === 'nol3miss') spec[attr as 'proxy' | 'l2miss' | 'l3miss'] = false;
      else if (attr === 'udpcsum') spec.udpCsum = name === 'udpcsum';
      else if (attr === 'udp6zerocsumtx') spec.zeroCsum6Tx = name === 'udp6zerocsumtx';
      else if (attr === 'udp6zerocsumrx') spec.zeroCsum6Rx = name === 'udp6zerocsumrx';
      // proxy, the miss notifications and the checksum flags are modelled on a new device; a change is not
      const csum = attr === 'udpcsum' || attr === 'udp6zerocsumtx' || attr === 'udp6zerocsumrx';
      const modelled = attr === 'learning' || name === 'noexternal' || name === 'novnifilter' || (!setOp && (attr === 'proxy' || attr === 'l2miss' || attr === 'l3miss' || csum));
      if (!modelled) gaps.add(`vxlan ${name}`);
    }
    a.step();
  }

  if (!metadata && vnifilter) exitWith("vxlan: vnifilter is valid only when 'external' is set\n", 1);
  if (metadata && attrs.has('id')) exitWith("vxlan: both 'external' and vni cannot be specified\n", 1);
  if (!metadata && !vnifilter && !attrs.has('id') && !setOp) exitWith('vxlan: missing virtual network identifier\n', 1);
  if (multicast(daddr) && !attrs.has('link')) exitWith("vxlan: 'group' requires 'dev' to be specified\n", 1);
  let warn = '';
  if (!attrs.has('port') && attrs.has('gpe')) dstport = 4790;
  else if (!attrs.has('port') && !setOp) warn = DSTPORT_WARNING;

  // `dstport 0` asks for the kernel's default, as no dstport does
  spec.dstport = dstport || null;
  // 0.0.0.0 (and ::) is sent as is and means "none" to the kernel
  spec.local = either(saddr);
  const d = either(daddr);
  if (d !== null) {
    if (multicast(daddr)) spec.group = d;
    else spec.remote = d;
  }
  if (!setOp || attrs.has('learning')) spec.learning = learning;
  return { spec, warn };
}
