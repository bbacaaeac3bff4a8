/**
 * Missing IPv6 routes (no-return-route's IPv4 rule, for `ping -6` and IPv6 routes): the classic
 * IPv6 mistake is a router with `net.ipv6.conf.all.forwarding=1` and a route on one side only —
 * requests go out, replies have no way back. Two ways to see it:
 *
 * - a ping of the script to an IPv6 address that got no reply, whose request or reply meets a
 *   namespace without a route (ENETUNREACH) on the way: an error, naming that namespace;
 * - a namespace that reaches another's global address through a gateway while the other has no
 *   route back to any of its global addresses: a warning.
 *
 * The walk follows the model's own route lookups (route6.ts) from namespace to namespace: the
 * next hop is the namespace holding the gateway (or the destination) on a link. A link-local
 * gateway held by several namespaces is followed only when one of them is the veth peer of the
 * output device; anything else unsure ends the walk without a finding.
 */
import { basename } from 'node:path';
import type { LabModel } from '../model/lab-model.js';
import type { Link } from '../model/link.js';
import type { Netns } from '../model/netns.js';
import { modelView6 } from '../model/ipv6/fib6-lookup.js';
import { formatIp6, ip6InPrefix, ip6Network, ip6PrefixText, isIp6LinkLocal, isIp6Multicast, parseIp6, type Ip6 } from '../model/ipv6/ip6.js';
import { IFA6 } from '../model/ipv6/inet6-dev.js';
import { route6Input, route6Output } from '../model/ipv6/route6.js';
import { ipIn } from '../model/route-absence.js';
import type { Step } from '../exec/step.js';
import type { Finding, LintRule } from './rule.js';
import { abbrev, ipStep } from './step-ns.js';

/** The most hops a walk follows (a loop ends it without a finding). */
const MAX_HOPS = 32;

interface Holder {
  ns: Netns;
  link: Link;
}

/** Global IPv6 addresses usable on `l` (not tentative, not failed). */
function globals(l: Link): { addr: Ip6; prefixLen: number }[] {
  if (l.kind === 'loopback' || l.inet6.conf.disable_ipv6) return [];
  return l.inet6.addrs.filter((a) => !a.dead && !isIp6LinkLocal(a.addr) && (a.flags & (IFA6.TENTATIVE | IFA6.DADFAILED)) === 0);
}

/** Who holds `addr` on a link, the walk coming out of `out` (null: nobody, or not one for sure). */
function holderOf(model: LabModel, addr: Ip6, out: Link | null): Holder | null {
  const found: Holder[] = [];
  for (const ns of model.namespaces()) {
    for (const link of ns.linkList()) {
      if (link.kind === 'loopback' || !link.up) continue;
      if (link.inet6.addrs.some((a) => a.addr === addr && !a.dead && (a.flags & IFA6.DADFAILED) === 0)) found.push({ ns, link });
    }
  }
  if (found.length <= 1 || !isIp6LinkLocal(addr)) return found[0] ?? null;
  return found.find((h) => out !== null && h.link.peer === out) ?? null;
}

/** The namespace a packet to `dst` lacks a route in, from `from` (walking its forwarding). */
interface Miss {
  at: Netns;
  dst: Ip6;
}

/** Follows a packet from `from` (sent by `from` itself) to `dst`: the namespace it is delivered in, or the miss. */
function walk(model: LabModel, from: Netns, dst: Ip6, src: Ip6): { delivered: Netns; src: Ip6 } | { miss: Miss } | null {
  let cur = from;
  let iif: Link | null = null;
  let saddr = src;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    if (cur.linkList().some((l) => globals(l).some((a) => a.addr === dst))) return { delivered: cur, src: saddr };
    const view = modelView6(cur);
    const res = iif === null ? route6Output(view, { dst, src: saddr, oif: null }) : route6Input(view, { dst, src: saddr, iif });
    if (!res.ok) return res.errno === 'ENETUNREACH' && res.route === null ? { miss: { at: cur, dst } } : null;
    if (res.rt.type !== 'unicast') return null;
    if (iif !== null && !cur.linkList().some((l) => l.inet6.conf.forwarding)) return null;
    if (iif === null) saddr = res.rt.saddr ?? saddr;
    const next = holderOf(model, res.rt.gateway ?? dst, res.rt.dev);
    if (!next || next.ns === cur) return null;
    cur = next.ns;
    iif = next.link;
  }
  return null;
}

/** The first missing route a ping from `from` to `dst` meets, on the way there or back. */
function missingOnPath(model: LabModel, from: Netns, dst: Ip6): (Miss & { back: boolean }) | null {
  const there = walk(model, from, dst, 0n);
  if (!there) return null;
  if ('miss' in there) return { ...there.miss, back: false };
  if (there.src === 0n) return null;
  const back = walk(model, there.delivered, there.src, dst);
  return back && 'miss' in back ? { ...back.miss, back: true } : null;
}

/** The prefix an address is configured with by its holder (else the /128). */
function networkOf(model: LabModel, addr: Ip6): string {
  for (const ns of model.namespaces()) {
    for (const l of ns.linkList()) {
      const a = globals(l).find((x) => x.addr === addr);
      if (a) return ip6PrefixText(ip6Network(a.addr, a.prefixLen), a.prefixLen);
    }
  }
  return `${formatIp6(addr)}/128`;
}

/** A neighbour of `ns` on one of its prefixes whose namespace owns or routes `dst`: the gateway to suggest. */
function gatewayFor(model: LabModel, ns: Netns, dst: Ip6): Ip6 | null {
  for (const l of ns.linkList()) {
    for (const mine of globals(l)) {
      for (const other of model.namespaces()) {
        if (other === ns) continue;
        for (const ol of other.linkList()) {
          const a = globals(ol).find((x) => x.addr !== mine.addr && ip6InPrefix(x.addr, mine.addr, mine.prefixLen));
          if (!a) continue;
          const routes = route6Output(modelView6(other), { dst, src: 0n, oif: null });
          if (globals(ol).some((x) => x.addr === dst) || other.linkList().some((x) => globals(x).some((y) => y.addr === dst)) || routes.ok) return a.addr;
        }
      }
    }
  }
  return null;
}

/** The last IPv6 route to `dst` that `ns` was refused in the script (the cause, when there is one). */
function refusedRoute(steps: readonly Step[], ns: Netns, dst: Ip6): Step | null {
  let found: Step | null = null;
  for (const s of steps) {
    if (s.exit === 0) continue;
    const ip = ipStep(s);
    if (!ip || ip.ns !== ns.path || !abbrev(ip.args[0], 'route') || !['add', 'replace', 'append', 'change', 'prepend'].includes(ip.args[1] ?? '')) continue;
    const to = ip.args[2] ?? '';
    const [addr, len] = to.split('/');
    const net = to === 'default' ? 0n : parseIp6(addr ?? '');
    if (net !== null && ip6InPrefix(dst, net, to === 'default' ? 0 : Number(len ?? 128))) found = s;
  }
  return found;
}

interface Need {
  at: Netns;
  dst: Ip6;
  by: string;
  hard: boolean;
  file: string;
  line: number;
}

function pathNeeds(model: LabModel, steps: readonly Step[]): Need[] {
  const out: Need[] = [];
  for (const s of steps) {
    if (!s.ping || s.ping.received > 0 || s.ping.to.includes('%')) continue;
    const to = parseIp6(s.ping.to);
    const ns = model.netns(s.ping.from);
    if (to === null || !ns || isIp6LinkLocal(to) || isIp6Multicast(to)) continue;
    const m = missingOnPath(model, ns, to);
    if (m) out.push({ at: m.at, dst: m.dst, by: `the ping at ${basename(s.file)}:${s.line} (${s.ping.from} -> ${s.ping.to}${m.back ? ', its reply' : ''})`, hard: true, file: s.file, line: s.line });
  }
  return out;
}

function returnNeeds(model: LabModel, steps: readonly Step[]): Need[] {
  const out: Need[] = [];
  const nss = model.namespaces();
  for (const ns of nss) {
    const srcs = ns.linkList().flatMap((l) => globals(l).map((a) => a.addr));
    if (!srcs.length) continue;
    for (const other of nss) {
      if (other === ns) continue;
      for (const addr of other.linkList().flatMap((l) => globals(l).map((a) => a.addr))) {
        const there = route6Output(modelView6(ns), { dst: addr, src: 0n, oif: null });
        if (!there.ok || there.rt.gateway === null || there.rt.type !== 'unicast') continue;
        if (srcs.some((s) => route6Output(modelView6(other), { dst: s, src: 0n, oif: null }).ok)) continue;
        const gw = formatIp6(there.rt.gateway);
        const via = steps.find((s) => s.host === ns.host.name && s.exit === 0 && s.command.includes(`via ${gw}`));
        out.push({ at: other, dst: srcs[0]!, by: `${ns.path}'s route to ${formatIp6(addr)} via ${gw}`, hard: false, file: via?.file ?? '', line: via?.line ?? 0 });
      }
    }
  }
  return out;
}

export const noReturnRoute6: LintRule = {
  id: 'no-return-route6',
  description: 'an IPv6 ping or route that needs a route a namespace does not have (often the way back through a forwarding router)',
  check({ model, steps }) {
    const groups = new Map<string, { at: Netns; dst: Ip6; net: string; needs: Need[] }>();
    for (const n of [...pathNeeds(model, steps), ...returnNeeds(model, steps)]) {
      const net = networkOf(model, n.dst);
      const key = `${n.at.path} ${net}`;
      const g = groups.get(key) ?? { at: n.at, dst: n.dst, net, needs: [] };
      if (!g.needs.some((x) => x.by === n.by)) g.needs.push(n);
      groups.set(key, g);
    }
    const out: Finding[] = [];
    for (const { at, dst, net, needs } of groups.values()) {
      const hard = needs.filter((n) => n.hard);
      const shown = hard.length ? hard : needs;
      const first = shown[0]!;
      const gw = gatewayFor(model, at, dst);
      const list = shown.slice(0, 3).map((n) => n.by);
      const refused = refusedRoute(steps, at, dst);
      const why = refused ? `: the route at ${basename(refused.file)}:${refused.line} was refused (${refused.stderr.trim().split('\n')[0]})` : '';
      out.push({
        rule: this.id,
        severity: hard.length ? 'error' : 'warning',
        file: first.file,
        line: first.line,
        host: at.host.name,
        message: `${at.path} has no IPv6 route to ${net}${why}; needed by ${list.join(', ')}${shown.length > 3 ? ` and ${shown.length - 3} more` : ''}`,
        fix: refused
          ? `fix the refused route at ${basename(refused.file)}:${refused.line}`
          : gw !== null
            ? `add the route back: ${ipIn(at)} -6 route add ${net} via ${formatIp6(gw)}`
            : `add a route to ${net} in ${at.path} (through the router that reaches it)`,
      });
    }
    return out;
  },
};
