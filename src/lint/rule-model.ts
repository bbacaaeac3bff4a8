/** Rules that read the model the script left behind. */
import { inPrefix, ip4ToString, maskOf } from '../model/ip.js';
import { l2Segments } from '../model/segments.js';
import { fibLookup } from '../model/fib-lookup.js';
import type { Finding, LintRule } from './rule.js';
import type { Step } from '../exec/step.js';

/** The step that created or configured a thing, to point the finding at a line. */
function stepMentioning(steps: Step[], host: string, ...words: string[]): Step | undefined {
  return steps.find((s) => s.host === host && s.exit === 0 && words.every((w) => new RegExp(`(^|\\s)${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$|/)`).test(s.command)));
}

function at(steps: Step[], host: string, words: string[]): { file: string; line: number } {
  const s = stepMentioning(steps, host, ...words);
  return { file: s?.file ?? '', line: s?.line ?? 0 };
}

export const overlappingSubnets: LintRule = {
  id: 'overlapping-subnets',
  description: 'two interfaces of one namespace in overlapping subnets',
  check({ model, steps }) {
    const out: Finding[] = [];
    for (const ns of model.namespaces()) {
      const nets: { dev: string; addr: number; len: number }[] = [];
      for (const l of ns.linkList()) for (const a of l.addrs) if (!a.secondary && l.kind !== 'loopback') nets.push({ dev: l.name, addr: a.local, len: a.prefixLen });
      for (let i = 0; i < nets.length; i++) {
        for (let j = i + 1; j < nets.length; j++) {
          const a = nets[i];
          const b = nets[j];
          if (a.dev === b.dev) continue;
          const len = Math.min(a.len, b.len);
          if (((a.addr ^ b.addr) & maskOf(len)) !== 0) continue;
          out.push({
            rule: this.id,
            severity: 'warning',
            ...at(steps, ns.host.name, [ip4ToString(b.addr)]),
            host: ns.host.name,
            message: `${ns.path}: ${a.dev} (${ip4ToString(a.addr)}/${a.len}) and ${b.dev} (${ip4ToString(b.addr)}/${b.len}) are in overlapping subnets; only one connected route can win`,
            fix: 'give each interface its own subnet, or put both ports on one bridge',
          });
        }
      }
    }
    return out;
  },
};

export const duplicateAddress: LintRule = {
  id: 'duplicate-address',
  description: 'the same address twice on one L2 segment',
  check({ model, steps }) {
    const out: Finding[] = [];
    const seg = l2Segments(model);
    const seen = new Map<string, string>();
    for (const ns of model.namespaces()) {
      for (const l of ns.linkList()) {
        if (l.kind === 'loopback') continue;
        for (const a of l.addrs) {
          const key = `${seg.get(l)}:${a.local}`;
          const where = `${ns.path} ${l.name}`;
          const prev = seen.get(key);
          if (prev && prev !== where) {
            out.push({
              rule: this.id,
              severity: 'error',
              ...at(steps, ns.host.name, [ip4ToString(a.local)]),
              host: ns.host.name,
              message: `${ip4ToString(a.local)} is on ${prev} and on ${where}, in one L2 segment: ARP answers will fight`,
              fix: 'give one of them another address',
            });
          } else seen.set(key, where);
        }
      }
    }
    return out;
  },
};

export const bridgeDown: LintRule = {
  id: 'bridge-down',
  description: 'a bridge that is never brought up',
  check({ model, steps }) {
    const out: Finding[] = [];
    for (const ns of model.namespaces()) {
      for (const l of ns.linkList()) {
        if (l.kind !== 'bridge' || l.up) continue;
        out.push({
          rule: this.id,
          severity: 'warning',
          ...at(steps, ns.host.name, [l.name, 'type', 'bridge']),
          host: ns.host.name,
          message: `${ns.path}: bridge ${l.name} is down: nothing crosses it`,
          fix: `ip link set ${l.name} up`,
        });
      }
    }
    return out;
  },
};

export const forwardingOff: LintRule = {
  id: 'forwarding-off',
  description: 'a namespace used as a gateway that does not forward',
  check({ model, steps }) {
    const out: Finding[] = [];
    const reported = new Set<string>();
    const owner = new Map<number, { ns: (typeof nss)[number]; dev: string }>();
    const nss = model.namespaces();
    for (const ns of nss) for (const l of ns.linkList()) for (const a of l.addrs) owner.set(a.local, { ns, dev: l.name });
    for (const ns of nss) {
      for (const t of ns.tables.values()) {
        for (const r of t.routes) {
          if (r.gateway === null) continue;
          const gw = owner.get(r.gateway);
          if (!gw || gw.ns === ns) continue;
          const iface = gw.ns.linkByName(gw.dev);
          // The destination may be the gateway's own subnet: then it need not forward.
          const onlyLocal = gw.ns.linkList().some((l) => l.addrs.some((a) => inPrefix(r.dst, a.local, a.prefixLen) && r.dstLen >= a.prefixLen));
          if (onlyLocal || !iface || iface.conf.forwarding) continue;
          if (reported.has(gw.ns.path)) continue;
          reported.add(gw.ns.path);
          out.push({
            rule: this.id,
            severity: 'error',
            ...at(steps, ns.host.name, ['via', ip4ToString(r.gateway)]),
            host: ns.host.name,
            message: `${ns.path} routes through ${ip4ToString(r.gateway)} (${gw.ns.path}), which has forwarding off: packets to other networks are dropped there`,
            fix: `${gw.ns.name ? `ip netns exec ${gw.ns.name} ` : ''}sysctl -w net.ipv4.ip_forward=1`,
          });
        }
      }
    }
    return out;
  },
};

export const noReturnRoute: LintRule = {
  id: 'no-return-route',
  description: 'a route towards a network that has no route back',
  check({ model, steps }) {
    const out: Finding[] = [];
    const owner = new Map<number, (typeof nss)[number]>();
    const nss = model.namespaces();
    for (const ns of nss) for (const l of ns.linkList()) for (const a of l.addrs) if (l.kind !== 'loopback') owner.set(a.local, ns);
    for (const ns of nss) {
      const srcs = ns.linkList().flatMap((l) => (l.kind === 'loopback' ? [] : l.addrs.filter((a) => !a.secondary).map((a) => a.local)));
      if (!srcs.length) continue;
      for (const [addr, dstNs] of owner) {
        if (dstNs === ns) continue;
        const there = fibLookup(ns, { dst: addr });
        if (there.kind !== 'route' || there.route.gateway === null) continue;
        const back = srcs.some((s) => fibLookup(dstNs, { dst: s }).kind === 'route');
        if (back) continue;
        out.push({
          rule: this.id,
          severity: 'warning',
          ...at(steps, ns.host.name, ['via', ip4ToString(there.route.gateway)]),
          host: ns.host.name,
          message: `${ns.path} has a route to ${ip4ToString(addr)} (${dstNs.path}), but ${dstNs.path} has no route back to ${srcs.map(ip4ToString).join(' or ')}`,
          fix: `add a route in ${dstNs.path} back to ${ns.path}'s network (or a default route)`,
        });
        break;
      }
    }
    return out;
  },
};

export const nameTooLong: LintRule = {
  id: 'name-too-long',
  description: 'an interface name over 15 bytes',
  check({ steps }) {
    return steps
      .filter((s) => s.stderr.includes('Attribute failed policy validation') || /not a valid ifname/.test(s.stderr))
      .map((s) => ({
        rule: 'name-too-long',
        severity: 'error' as const,
        file: s.file,
        line: s.line,
        host: s.host,
        message: 'an interface name is longer than 15 bytes (or holds "/" or a blank)',
        fix: 'use a name of at most 15 characters',
      }));
  },
};
