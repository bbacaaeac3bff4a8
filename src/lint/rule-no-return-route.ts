/**
 * Missing routes, every one at once, each reported where the fix goes and with its cause when
 * the model or the script's history shows it (a link that is down, a route refused, an address
 * deleted, a link moved away; route-history.ts). Two ways to miss one:
 *
 * - a ping of the script, or a `reach`/`all-reach` intent of the lab, whose request or reply
 *   is dropped for want of a route (followed through the lab as it stands after the script,
 *   sim/reach's forwarding walk): an error;
 * - a namespace that reaches another's address through a gateway while the other has no route
 *   back to any of its addresses (requests leave, replies have nowhere to go): a warning, as
 *   long as nothing the file pings or expects depends on it.
 *
 * One finding per namespace and destination network, naming everything that needs it.
 */
import { basename } from 'node:path';
import { inPrefix, ip4ToString, maskOf, parseIp4, type Ip4 } from '../model/ip.js';
import { fibLookup } from '../model/fib-lookup.js';
import type { LabModel } from '../model/lab-model.js';
import type { Netns } from '../model/netns.js';
import { forwardingWalk } from '../../sim/reach/index.js';
import type { Step } from '../exec/step.js';
import type { Finding, LintRule } from './rule.js';
import { missingRoute } from './route-history.js';

interface Need {
  /** the namespace without the route */
  at: Netns;
  dst: Ip4;
  /** what needs it, in words */
  by: string;
  /** a ping or an intent (an error), or only the wiring (a warning) */
  hard: boolean;
  /** where the need was seen, for a finding whose fix has no line of its own */
  file: string;
  line: number;
}

/** The network an address belongs to, as its owner's address says (else the address alone). */
function networkOf(model: LabModel, addr: Ip4): string {
  for (const ns of model.namespaces()) {
    for (const l of ns.linkList()) {
      const a = l.addrs.find((x) => x.local === addr && l.kind !== 'loopback');
      if (a) return `${ip4ToString((a.local & maskOf(a.prefixLen)) >>> 0)}/${a.prefixLen}`;
    }
  }
  return `${ip4ToString(addr)}/32`;
}

/** A next hop for `ns` towards `dst`: another namespace's address on one of its subnets that owns or routes `dst`. */
function gatewayFor(model: LabModel, ns: Netns, dst: Ip4): Ip4 | null {
  for (const l of ns.linkList()) {
    if (l.kind === 'loopback' || !l.up) continue;
    for (const mine of l.addrs) {
      for (const other of model.namespaces()) {
        if (other === ns) continue;
        for (const ol of other.linkList()) {
          if (ol.kind === 'loopback') continue;
          const a = ol.addrs.find((x) => x.local !== mine.local && inPrefix(x.local, mine.local, mine.prefixLen));
          if (a && (ol.addrs.some((x) => x.local === dst) || fibLookup(other, { dst }).kind === 'route')) return a.local;
        }
      }
    }
  }
  return null;
}

/** The first missing route a ping from `from` to `dst` meets, on the way there or back. */
function missingOnPath(model: LabModel, from: Netns, dst: Ip4): { at: Netns; dst: Ip4; back: boolean } | null {
  const there = forwardingWalk(model, from, dst);
  const end = there.path[there.path.length - 1]!;
  if (there.outcome === 'blackhole' && there.reason === 'no-route') return { at: end, dst, back: false };
  if (there.outcome !== 'delivered') return null;
  const back = forwardingWalk(model, end, there.src);
  if (back.outcome === 'blackhole' && back.reason === 'no-route') return { at: back.path[back.path.length - 1]!, dst: there.src, back: true };
  return null;
}

/** Needs from the file's pings and the lab's intents. */
function pathNeeds(model: LabModel, steps: readonly Step[], expect: readonly { from: string; to: Ip4; file: string; line: number }[]): Need[] {
  const out: Need[] = [];
  const asks = [
    ...steps
      .filter((s) => s.ping && s.ping.received === 0)
      .map((s) => ({ from: s.ping!.from, to: parseIp4(s.ping!.to), what: `the ping at ${basename(s.file)}:${s.line}`, file: s.file, line: s.line })),
    ...expect.map((e) => ({ from: e.from, to: e.to as Ip4 | null, what: `the intent at ${basename(e.file)}:${e.line}`, file: e.file, line: e.line })),
  ];
  for (const a of asks) {
    const ns = model.netns(a.from);
    if (!ns || a.to === null) continue;
    const m = missingOnPath(model, ns, a.to);
    if (!m) continue;
    out.push({ at: m.at, dst: m.dst, by: `${a.what} (${a.from} -> ${ip4ToString(a.to)}${m.back ? ', its reply' : ''})`, hard: true, file: a.file, line: a.line });
  }
  return out;
}

/** Needs from the wiring: a route through a gateway one way, none back. */
function returnNeeds(model: LabModel, steps: readonly Step[]): Need[] {
  const out: Need[] = [];
  const owner = new Map<number, Netns>();
  const nss = model.namespaces();
  for (const ns of nss) for (const l of ns.linkList()) for (const a of l.addrs) if (l.kind !== 'loopback') owner.set(a.local, ns);
  for (const ns of nss) {
    const srcs = ns.linkList().flatMap((l) => (l.kind === 'loopback' ? [] : l.addrs.filter((a) => !a.secondary).map((a) => a.local)));
    if (!srcs.length) continue;
    for (const [addr, dstNs] of owner) {
      if (dstNs === ns) continue;
      const there = fibLookup(ns, { dst: addr });
      if (there.kind !== 'route' || there.route.gateway === null) continue;
      if (srcs.some((s) => fibLookup(dstNs, { dst: s }).kind === 'route')) continue;
      const via = steps.find((s) => s.host === ns.host.name && s.exit === 0 && s.command.includes(`via ${ip4ToString(there.route.gateway!)}`));
      out.push({ at: dstNs, dst: srcs[0]!, by: `${ns.path}'s route to ${ip4ToString(addr)}`, hard: false, file: via?.file ?? '', line: via?.line ?? 0 });
    }
  }
  return out;
}

export const noReturnRoute: LintRule = {
  id: 'no-return-route',
  description: 'a ping, an intent or a route that needs a route a namespace does not have',
  check({ model, steps, expect = [] }) {
    const groups = new Map<string, { at: Netns; dst: Ip4; net: string; needs: Need[] }>();
    for (const n of [...pathNeeds(model, steps, expect), ...returnNeeds(model, steps)]) {
      const net = networkOf(model, n.dst);
      const key = `${n.at.path} ${net}`;
      const g = groups.get(key) ?? { at: n.at, dst: n.dst, net, needs: [] };
      if (!g.needs.some((x) => x.by === n.by)) g.needs.push(n);
      groups.set(key, g);
    }
    // one finding per namespace and cause: a refused default route is one mistake, however
    // many networks it leaves without a route
    const byCause = new Map<string, { at: Netns; nets: string[]; needs: Need[]; m: ReturnType<typeof missingRoute> }>();
    for (const g of groups.values()) {
      const m = missingRoute(steps, g.at, g.dst, g.net, gatewayFor(model, g.at, g.dst));
      const key = `${g.at.path}\0${m.why ?? g.net}`;
      const c = byCause.get(key) ?? { at: g.at, nets: [], needs: [], m };
      c.nets.push(g.net);
      for (const n of g.needs) if (!c.needs.some((x) => x.by === n.by)) c.needs.push(n);
      byCause.set(key, c);
    }
    const out: Finding[] = [];
    for (const { at, nets, needs, m } of byCause.values()) {
      const hard = needs.filter((n) => n.hard);
      const shown = hard.length ? hard : needs;
      const first = shown[0]!;
      const list = (xs: string[], n: number) => (xs.length > n ? `${xs.slice(0, n).join(', ')} and ${xs.length - n} more` : xs.join(', '));
      out.push({
        rule: this.id,
        severity: hard.length ? 'error' : 'warning',
        file: m.at?.file ?? first.file,
        line: m.at?.line ?? first.line,
        host: at.host.name,
        message: `${at.path} has no route to ${list(nets, 4)}${m.why ? `: ${m.why}` : ''}; needed by ${list(
          shown.map((n) => n.by),
          3,
        )}`,
        fix: m.fix,
      });
    }
    return out;
  },
};
