/**
 * `ip route … nexthop via A [dev D] [weight W] [onlink] nexthop …` (ip/iproute.c parse_nexthops
 * and parse_one_nh of iproute2 6.1.0): every word after the first `nexthop` belongs to the hops,
 * so anything else there ends the command with iproute2's own error.
 */
import type { HopSpec } from '../../ops/op.js';
import { Argv, exitWith, getAddr, getUnsigned, invarg, llNameToIndex, matches, nodevText, notModelled, readFamily, type Family } from '../args.js';
import type { CmdContext } from '../types.js';

/** parse_nexthops over `words` (which start at the first `nexthop`). */
export function parseNexthops(ctx: CmdContext, words: readonly string[], family: Family): { hops: HopSpec[]; family: Family } {
  const hops: HopSpec[] = [];
  const a = new Argv(words);
  while (a.more) {
    if (a.cur !== 'nexthop') exitWith(`Error: "nexthop" or end of line is expected instead of "${a.cur}"\n`, 255);
    if (a.left <= 1) exitWith('Error: unexpected end of line after "nexthop"\n', 255);
    const hop: HopSpec = { gateway: null, dev: null, weight: 1, onlink: false };
    family = parseOneNexthop(ctx, a, hop, family);
    hops.push(hop);
  }
  return { hops, family };
}

/** parse_one_nh: the words of one hop, up to the next word it does not know. */
function parseOneNexthop(ctx: CmdContext, a: Argv, hop: HopSpec, family: Family): Family {
  for (a.step(); a.more; a.step()) {
    const arg = a.cur;
    if (arg === 'via') {
      let v = a.next();
      const fam = readFamily(v);
      if (fam !== undefined && fam !== null) v = a.next();
      const p = getAddr(v, fam ?? family, { v6: true });
      if (family === null) family = p.family;
      // another family's gateway is RTA_VIA (an IPv6 nexthop of an IPv4 route)
      if (p.family !== family) notModelled('nexthop via another address family');
      hop.gateway = p.addr;
      if (p.addr6 !== undefined) hop.gateway6 = p.addr6;
    } else if (arg === 'dev') {
      const v = a.next();
      // nodev(): the hop fails, and parse_nexthops ends the command
      if (!llNameToIndex(ctx.ns, v)) exitWith(`${nodevText(v)}Error: cannot parse nexthop\n`, 255);
      hop.dev = v;
    } else if (arg === 'weight') {
      const v = a.next();
      const w = getUnsigned(v);
      if (w === null || w === 0 || w > 256) invarg('"weight" is invalid\n', v);
      hop.weight = w;
    } else if (arg === 'onlink') {
      hop.onlink = true;
    } else if (matches(arg, 'realms') || arg === 'encap' || arg === 'as') {
      notModelled(`nexthop ${arg}`);
    } else {
      break;
    }
  }
  return family;
}
