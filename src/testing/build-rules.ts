/**
 * From drawn rules (arb-netfilter.ts) to `iptables` steps of a built lab: each choice resolves
 * against the namespace's interfaces and the lab's subnets and addresses, and the rule keeps to
 * what its chain allows (no `-i` where packets have no input device, no `-o` where they have no
 * output device yet, NAT targets in their own chains), so most rules are accepted and act on
 * the lab's pings; the kernel's refusals of what is left are compared too.
 */
import { ip4ToString } from '../model/ip.js';
import { subnetText } from './arb-address.js';
import type { AddrChoice, IfaceChoice, NfSpec, RuleSpec } from './arb-netfilter.js';
import type { Iface, Segs, Spaces } from './build-context.js';
import type { IptablesStep } from './lab-description.js';

const CHAINS = { filter: ['INPUT', 'FORWARD', 'OUTPUT'], nat: ['PREROUTING', 'OUTPUT', 'POSTROUTING'] } as const;
const NO_IN = new Set(['OUTPUT', 'POSTROUTING']);
const NO_OUT = new Set(['INPUT', 'PREROUTING']);

function addr(c: AddrChoice, segs: Segs, ifaces: Iface[]): string[] | null {
  let text: string | null = null;
  if (c.of === 'subnet' && segs.length) {
    text = subnetText(segs[c.n % segs.length]!.subnet);
  } else if (ifaces.length) text = ip4ToString(ifaces[c.n % ifaces.length]!.addr);
  return text === null ? null : c.invert ? ['!', text] : [text];
}

function iface(c: IfaceChoice, own: Iface[]): string[] | null {
  if (!own.length) return null;
  const dev = own[c.n % own.length]!.dev;
  const name = c.wildcard ? `${dev.slice(0, Math.max(1, dev.length - 1))}+` : dev;
  return c.invert ? ['!', name] : [name];
}

function ruleArgs(r: RuleSpec, segs: Segs, ifaces: Iface[], own: Iface[]): string[] {
  const chain = CHAINS[r.table][r.chain % 3]!;
  const args = r.table === 'nat' ? ['-t', 'nat'] : [];
  args.push(...(r.insert ? ['-I', chain, '1'] : ['-A', chain]));
  const s = r.src && addr(r.src, segs, ifaces);
  if (s) args.push(...(s[0] === '!' ? ['!', '-s', s[1]!] : ['-s', s[0]!]));
  const d = r.dst && addr(r.dst, segs, ifaces);
  if (d) args.push(...(d[0] === '!' ? ['!', '-d', d[1]!] : ['-d', d[0]!]));
  const i = r.in && !NO_IN.has(chain) ? iface(r.in, own) : null;
  if (i) args.push(...(i[0] === '!' ? ['!', '-i', i[1]!] : ['-i', i[0]!]));
  const o = r.out && !NO_OUT.has(chain) ? iface(r.out, own) : null;
  if (o) args.push(...(o[0] === '!' ? ['!', '-o', o[1]!] : ['-o', o[0]!]));
  if (r.icmp) args.push('-p', 'icmp', ...(r.icmp === 'any' ? [] : ['--icmp-type', r.icmp]));
  if (r.ctstate) args.push('-m', 'conntrack', '--ctstate', r.ctstate.join(','));
  if (r.comment) args.push('-m', 'comment', '--comment', 'lab rule');
  const t = r.target;
  if (r.table === 'nat') {
    // NAT targets where the kernel takes them; anything else there accepts or returns
    if (chain === 'POSTROUTING' && t.kind === 'MASQUERADE') args.push('-j', 'MASQUERADE');
    else if (chain === 'POSTROUTING' && t.kind === 'SNAT' && own.length) args.push('-j', 'SNAT', '--to-source', ip4ToString(own[t.n % own.length]!.addr));
    else if (chain !== 'POSTROUTING' && t.kind === 'DNAT' && ifaces.length) args.push('-j', 'DNAT', '--to-destination', ip4ToString(ifaces[t.n % ifaces.length]!.addr));
    else args.push('-j', t.kind === 'RETURN' ? 'RETURN' : 'ACCEPT');
    return args;
  }
  if (t.kind === 'REJECT') args.push('-j', 'REJECT', '--reject-with', t.with);
  else if (t.kind === 'SNAT' || t.kind === 'DNAT' || t.kind === 'MASQUERADE') args.push('-j', 'DROP');
  else args.push('-j', t.kind);
  return args;
}

/** The steps of a drawn ruleset, in order, then a listing of each table a namespace wrote to. */
export function buildRules(specs: NfSpec[], sp: Spaces, segs: Segs, ifaces: Iface[]): { rules: IptablesStep[]; listings: IptablesStep[] } {
  const rules: IptablesStep[] = [];
  const tables = new Map<number, Set<string>>();
  for (const r of specs) {
    const ns = sp.at(r.at);
    const where = sp.where(ns);
    const written = tables.get(ns) ?? new Set<string>();
    tables.set(ns, written);
    if (r.kind === 'policy') {
      rules.push({ kind: 'iptables', in: where, args: ['-P', r.chain, r.policy] });
      written.add('filter');
      continue;
    }
    const own = ifaces.filter((i) => i.ns === ns);
    rules.push({ kind: 'iptables', in: where, args: ruleArgs(r, segs, ifaces, own) });
    written.add(r.table);
  }
  const listings: IptablesStep[] = [];
  for (const [ns, written] of [...tables].sort((a, b) => a[0] - b[0]))
    for (const t of ['filter', 'nat']) if (written.has(t)) listings.push({ kind: 'iptables', in: sp.where(ns), args: [...(t === 'nat' ? ['-t', 'nat'] : []), '-L', '-n', '-v', '-x'] });
  return { rules, listings };
}
