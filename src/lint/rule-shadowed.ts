/**
 * A rule no packet ever reaches: an earlier rule of the same chain ends the walk (ACCEPT, DROP,
 * REJECT, RETURN, a NAT target) for every packet the later one would match — its addresses
 * contain the later one's, its interfaces and protocol are the same or wider, and each of its
 * match extensions is one the later rule also has. The later rule's counters stay at zero, which
 * `iptables -L -v` shows on the kernel as well. Earlier rules that jump (the user chain may
 * return) or test `-m statistic` (a draw, not a property of the packet) shadow nothing. Rules of
 * iptables' tables only; one finding per shadowed rule.
 */
import type { NfMatch } from '../model/netfilter/match.js';
import { type AddrMask, type Iface, type IpPart, type NfRule, sameRule } from '../model/netfilter/rule.js';
import { isTerminal } from '../model/netfilter/target.js';
import { saveRule } from '../programs/iptables/listing.js';
import { execIn, ruleLine } from './nf-rules.js';
import type { Finding, LintRule } from './rule.js';

/** Whether every address `b` matches, `a` matches too. */
function addrCovers(a: AddrMask, aInv: boolean, b: AddrMask, bInv: boolean): boolean {
  if (a.mask === 0 && !aInv) return true;
  if (aInv !== bInv) return false;
  if (aInv) return a.mask === b.mask && a.addr === b.addr;
  return (a.mask & b.mask) >>> 0 === a.mask && (b.addr & a.mask) >>> 0 === (a.addr & a.mask) >>> 0;
}

/** Whether every interface name `b` accepts, `a` accepts too (`eth+` covers `eth0` and `eth1+`). */
function ifaceCovers(a: Iface | null, b: Iface | null): boolean {
  if (!a || (a.name === '+' && !a.invert)) return true;
  if (!b || a.invert !== b.invert) return false;
  if (a.invert) return a.name === b.name;
  if (!a.name.endsWith('+')) return a.name === b.name;
  return b.name.startsWith(a.name.slice(0, -1));
}

function ipCovers(a: IpPart, b: IpPart): boolean {
  return (
    addrCovers(a.src, a.srcInvert, b.src, b.srcInvert) &&
    addrCovers(a.dst, a.dstInvert, b.dst, b.dstInvert) &&
    ifaceCovers(a.in, b.in) &&
    ifaceCovers(a.out, b.out) &&
    ((a.proto === 0 && !a.protoInvert) || (a.proto === b.proto && a.protoInvert === b.protoInvert)) &&
    (a.fragment === null || (b.fragment !== null && a.fragment.invert === b.fragment.invert))
  );
}

/** The matches that test the packet (a comment tests nothing). */
const tests = (ms: NfMatch[]) => ms.filter((m) => m.kind !== 'comment');

/** Whether rule `a`, before `b` in a chain, stops the walk for every packet `b` matches. */
export function shadows(a: NfRule, b: NfRule): boolean {
  if (!isTerminal(a.target) || a.target.kind === 'jump') return false;
  const am = tests(a.matches);
  if (am.some((m) => m.kind === 'statistic')) return false;
  if (!ipCovers(a.ip, b.ip)) return false;
  const bm = tests(b.matches);
  const one = (m: NfMatch): NfRule => ({ ip: a.ip, matches: [m], target: a.target, counters: null, handle: 0 });
  return am.every((m) => bm.some((n) => sameRule(one(m), one(n))));
}

export const shadowed: LintRule = {
  id: 'shadowed-rule',
  description: 'a rule never matched because an earlier rule of its chain matches every packet it would',
  check({ model, steps }) {
    const out: Finding[] = [];
    for (const ns of model.namespaces()) {
      const nf = ns.nf;
      if (!nf) continue;
      for (const table of nf.allTables()) {
        if (table.owner !== 'iptables') continue;
        for (const chain of table.chains) {
          const rules = chain.rules;
          for (let j = 1; j < rules.length; j++) {
            const i = rules.slice(0, j).findIndex((a) => shadows(a, rules[j]!));
            if (i < 0) continue;
            const t = table.name === 'filter' ? '' : `-t ${table.name} `;
            const text = (r: NfRule) => `-A ${chain.name}${saveRule(r, false)}`;
            out.push({
              rule: this.id,
              severity: 'warning',
              ...ruleLine(steps, ns.host.name, chain.name, rules[j]!),
              host: ns.host.name,
              message: `${ns.path}: rule ${j + 1} of ${table.name} ${chain.name} (${text(rules[j]!)}) is never matched: rule ${i + 1} (${text(rules[i]!)}) comes first and matches every packet it would`,
              fix: `move it above rule ${i + 1} (${execIn(ns.name)}iptables ${t}-I ${chain.name} ${i + 1} …), or delete it: ${execIn(ns.name)}iptables ${t}-D ${chain.name} ${j + 1}`,
            });
          }
        }
      }
    }
    return out;
  },
};
