/**
 * Why a namespace has no route to an address, as the script's history tells it: the route that
 * would carry it was refused, or the address whose connected route would carry it was deleted,
 * or its link was moved to another namespace or deleted. The model's own causes (a link that
 * is down, an address without its prefix length) come first (src/model/route-absence.ts).
 */
import { inPrefix, ip4ToString, maskOf, parsePrefix, type Ip4 } from '../model/ip.js';
import type { Netns } from '../model/netns.js';
import { ipIn, routeAbsence } from '../model/route-absence.js';
import type { Step } from '../exec/step.js';
import { abbrev, ipStep } from './step-ns.js';

/** A cause, the fix that addresses it, and the step where the fix goes (null: none known). */
export interface MissingRoute {
  why: string | null;
  fix: string;
  at: Step | null;
}

const where = (s: Step) => `line ${s.line}`;

/** The prefix of `ip … route add PREFIX …` / `addr add A/LEN …`, with `default` as 0/0. */
function prefixOf(word: string | undefined): { addr: Ip4; len: number } | null {
  const p = parsePrefix(word ?? '');
  if (!p) return null;
  return p.keyword ? { addr: 0, len: 0 } : { addr: p.addr, len: p.len };
}

/**
 * Why `ns` has no route to `dst`, and where and how to fix it. `steps` are the script's, in
 * order; `neighbours` offers a gateway for the generic fix (an address on one of `ns`'s subnets
 * whose namespace can reach `dst`).
 */
export function missingRoute(steps: readonly Step[], ns: Netns, dst: Ip4, dstPrefix: string, gateway: Ip4 | null): MissingRoute {
  const mine = steps.map((s) => ({ s, ip: ipStep(s) })).filter((x) => x.ip !== null && x.ip.ns === ns.path) as { s: Step; ip: { ns: string; args: string[] } }[];
  const model = routeAbsence(ns, dst);
  if (model) {
    // the fix goes after the line that gave the link its address
    const added = mine.find((x) => abbrev(x.ip.args[0], 'address') && abbrev(x.ip.args[1], 'add') && x.ip.args.includes(model.link.name) && x.s.exit === 0);
    return { why: model.why, fix: model.fix, at: added?.s ?? null };
  }
  for (const { s, ip } of mine) {
    const [obj, verb, target] = ip.args;
    if (!abbrev(obj, 'route') || !['add', 'append', 'replace', 'a'].includes(verb ?? '')) continue;
    const p = prefixOf(target);
    if (!p || !inPrefix(dst, p.addr, p.len)) continue;
    if (s.exit !== 0) return { why: `its route "${s.command}" (${where(s)}) was refused: ${s.stderr.trim()}`, fix: `correct the route on ${where(s)}`, at: s };
  }
  for (const [k, { s, ip }] of mine.entries()) {
    const [obj, verb, target] = ip.args;
    if (s.exit !== 0 || !abbrev(obj, 'address') || !abbrev(verb, 'add')) continue;
    const p = prefixOf(target);
    const dev = ip.args[ip.args.indexOf('dev') + 1];
    if (!p || p.len === 32 || !dev || !inPrefix(dst, p.addr, p.len)) continue;
    const net = `${ip4ToString((p.addr & maskOf(p.len)) >>> 0)}/${p.len}`;
    for (const later of mine.slice(k + 1)) {
      const a = later.ip.args;
      if (later.s.exit !== 0 || !a.includes(dev)) continue;
      if (abbrev(a[0], 'address') && (abbrev(a[1], 'delete') || abbrev(a[1], 'flush')))
        return { why: `its connected route ${net} went with ${target} on ${dev}, deleted on ${where(later.s)}`, fix: `${ipIn(ns)} addr add ${target} dev ${dev} (or keep it)`, at: later.s };
      if (abbrev(a[0], 'link') && abbrev(a[1], 'set') && a.includes('netns'))
        return {
          why: `its connected route ${net} went with ${dev}, moved to namespace ${a[a.indexOf('netns') + 1]} on ${where(later.s)} (a moved link loses its addresses)`,
          fix: `address ${dev} in the namespace it was moved to, or do not move it`,
          at: later.s,
        };
      if (abbrev(a[0], 'link') && abbrev(a[1], 'delete'))
        return { why: `its connected route ${net} went with ${dev}, deleted on ${where(later.s)}`, fix: `keep ${dev}, or route ${net} another way`, at: later.s };
    }
  }
  // no cause: the route was never written; it goes with the namespace's other routes
  const lastRoute = [...mine].reverse().find((x) => x.s.exit === 0 && abbrev(x.ip.args[0], 'route') && abbrev(x.ip.args[1], 'add'));
  const made = steps.find((s) => {
    const ip = ipStep(s);
    return ip?.ns === s.host && /^(netns|netn|net)$/.test(ip.args[0] ?? '') && abbrev(ip.args[1], 'add') && `${s.host}/${ip.args[2]}` === ns.path;
  });
  // else after its addresses and links are in place (a gateway must be on a connected subnet)
  const lastConfig = [...mine]
    .reverse()
    .find((x) => x.s.exit === 0 && ((abbrev(x.ip.args[0], 'address') && abbrev(x.ip.args[1], 'add')) || (abbrev(x.ip.args[0], 'link') && abbrev(x.ip.args[1], 'set') && x.ip.args.includes('up'))));
  const via = gateway === null ? 'GATEWAY' : ip4ToString(gateway);
  return { why: null, fix: `${ipIn(ns)} route add ${dstPrefix} via ${via}`, at: lastRoute?.s ?? lastConfig?.s ?? made ?? null };
}
