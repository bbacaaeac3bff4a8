/**
 * `ip link add … type geneve OPTIONS` (ip/iplink_geneve.c geneve_parse_opt, iproute2 6.1.0):
 * the id, the IPv4 remote, ttl and dstport are kept; the other options are read and reported
 * as not modelled.
 */
import { isMulticast } from '../../model/ip.js';
import type { GeneveSpec } from '../../ops/kind-specs.js';
import { Argv, exitWith, getAddr, getU16, getU32, invarg, matches } from '../args.js';
import type { Gaps } from '../plan.js';

export const GENEVE_USAGE =
  'Usage: ... geneve id VNI\n\t\tremote ADDR\n\t\t[ ttl TTL ]\n\t\t[ tos TOS ]\n\t\t[ df DF ]\n\t\t[ flowlabel LABEL ]\n\t\t[ dstport PORT ]\n\t\t[ [no]external ]\n\t\t[ [no]udpcsum ]\n\t\t[ [no]udp6zerocsumtx ]\n\t\t[ [no]udp6zerocsumrx ]\n\t\t[ innerprotoinherit ]\n\nWhere:\tVNI   := 0-16777215\n\tADDR  := IP_ADDRESS\n\tTOS   := { NUMBER | inherit }\n\tTTL   := { 1..255 | auto | inherit }\n\tDF    := { unset | set | inherit }\n\tLABEL := 0-1048575\n';

/** Options that take a value and are not modelled. */
const VALUED = ['tos', 'df', 'flowlabel', 'label'];
/** Flags that are not modelled. */
const FLAGS = ['external', 'noexternal', 'udpcsum', 'noudpcsum', 'udp6zerocsumtx', 'noudp6zerocsumtx', 'udp6zerocsumrx', 'noudp6zerocsumrx', 'innerprotoinherit'];

/** geneve_parse_opt(): the spec, and what of it the model does not keep. */
export function parseGeneveOpts(argv: string[], gaps: Gaps): GeneveSpec {
  const out: GeneveSpec = { id: null, remote: null, ttl: null, dstport: null };
  const a = new Argv(argv);
  while (a.more) {
    const arg = a.cur;
    if (matches(arg, 'id') || matches(arg, 'vni')) {
      const v = a.next();
      const id = getU32(v);
      if (id === null || id >= 1 << 24) invarg('invalid id', v);
      out.id = id;
    } else if (matches(arg, 'remote')) {
      const v = a.next();
      const p = getAddr(v, null, { v6: true });
      if (p.family === 'inet6') gaps.add('geneve IPv6 remote');
      else if (isMulticast(p.addr)) invarg('invalid remote address', v);
      else out.remote = p.addr;
    } else if (matches(arg, 'ttl') || matches(arg, 'hoplimit')) {
      const v = a.next();
      if (v === 'inherit') gaps.add('geneve ttl inherit');
      else if (v === 'auto') out.ttl = 0;
      else {
        const n = getU32(v);
        if (n === null) invarg('invalid TTL', v);
        if (n > 255) invarg('TTL must be <= 255', v);
        out.ttl = n;
      }
    } else if (matches(arg, 'dstport')) {
      const v = a.next();
      const port = getU16(v);
      if (port === null) invarg('dstport', v);
      out.dstport = port;
    } else if (VALUED.some((w) => matches(arg, w))) {
      a.next();
      gaps.add(`geneve ${arg}`);
    } else if (FLAGS.includes(arg)) {
      gaps.add(`geneve ${arg}`);
    } else if (matches(arg, 'help')) {
      exitWith(GENEVE_USAGE, 1);
    } else {
      exitWith(`geneve: unknown command "${arg}"?\n${GENEVE_USAGE}`, 1);
    }
    a.step();
  }
  if (out.id === null) exitWith('geneve: missing virtual network identifier\n', 1);
  if (out.remote === null && !gaps.any) exitWith('geneve: remote link partner not specified\n', 1);
  return out;
}
