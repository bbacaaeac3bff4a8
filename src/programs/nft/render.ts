/**
 * `nft list` (nftables 1.0.6): tables in creation order, chains in creation order, a base
 * chain's `type … hook … priority …; policy …;` with the standard priority names, rules with
 * live counters (`-s` drops their values, `-a` adds handles). Rules iptables-nft made are shown
 * as nft shows them: native expressions in nft's words, the xtables matches and targets
 * through their translations (and such a table gets nft's warning on stderr).
 */
import { setText } from './sets.js';
import { ip4ToString } from '../../model/ip.js';
import type { FieldMatch, NfMatch } from '../../model/netfilter/match.js';
import { limitText } from './limit.js';
import { maskLen, type Addr6, type NfRule } from '../../model/netfilter/rule.js';
import { formatIp6, ip6Mask, ip6PrefixText } from '../../model/ipv6/ip6.js';
import type { NetfilterState } from '../../model/netfilter/state.js';
import type { Hook, NfChain, NfTable } from '../../model/netfilter/table.js';
import { TCPMSS_CLAMP_PMTU, type NfTarget } from '../../model/netfilter/target.js';
import { ICMPV6_TYPES, REJECT_ICMPV6 } from './values.js';

export interface ListOptions {
  handles: boolean;
  stateless: boolean;
  numeric: boolean;
}

/** Standard priority names (nftables' std_prio_table), per hook where they apply. */
function priorityText(hook: Hook, type: string, p: number, numeric: boolean): string {
  if (numeric) return String(p);
  const names: [string, number, Hook[] | null][] = [
    ['raw', -300, null],
    ['mangle', -150, null],
    ['dstnat', -100, ['prerouting']],
    ['filter', 0, null],
    ['security', 50, null],
    ['srcnat', 100, ['postrouting']],
  ];
  void type;
  for (const [n, v, hooks] of names) {
    if (hooks && !hooks.includes(hook)) continue;
    if (p === v) return n;
  }
  for (const [n, v, hooks] of names) {
    if (hooks && !hooks.includes(hook)) continue;
    if (Math.abs(p - v) <= 10) return p > v ? `${n} + ${p - v}` : `${n} - ${v - p}`;
  }
  return String(p);
}

function counterText(r: NfRule, o: ListOptions, read: (c: { pkts: number; bytes: number }) => { pkts: number; bytes: number }): string {
  if (!r.counters) return '';
  if (o.stateless) return 'counter';
  const c = read(r.counters);
  return `counter packets ${c.pkts} bytes ${c.bytes}`;
}

function addr(a: { addr: number; mask: number }): string {
  const len = maskLen(a.mask);
  return len === 32 ? ip4ToString(a.addr) : `${ip4ToString(a.addr)}/${len < 0 ? ip4ToString(a.mask) : len}`;
}

const PROTO_NAME: Record<number, string> = { 6: 'tcp', 17: 'udp', 1: 'icmp', 47: 'gre', 50: 'esp', 51: 'ah', 132: 'sctp', 58: 'ipv6-icmp' };
const ICMP_NAMES: Record<number, string> = {
  0: 'echo-reply',
  3: 'destination-unreachable',
  4: 'source-quench',
  5: 'redirect',
  8: 'echo-request',
  9: 'router-advertisement',
  10: 'router-solicitation',
  11: 'time-exceeded',
  12: 'parameter-problem',
  13: 'timestamp-request',
  14: 'timestamp-reply',
  17: 'address-mask-request',
  18: 'address-mask-reply',
};

/** The matches iptables-nft writes as native expressions (the others are xtables matches). */
const NATIVE = new Set(['tcp', 'udp', 'mark']);

function ports(p: [number, number]): string {
  return p[0] === p[1] ? `${p[0]}` : `${p[0]}-${p[1]}`;
}

/** How nft prints one of iptables' matches (native payload, or the extension's translation). */
function xlateMatch(m: NfMatch, proto: number): string {
  switch (m.kind) {
    case 'tcp':
    case 'udp': {
      const out: string[] = [];
      if (m.sport[0] !== 0 || m.sport[1] !== 0xffff) out.push(`${m.kind} sport ${m.sportInvert ? '!= ' : ''}${ports(m.sport)}`);
      if (m.dport[0] !== 0 || m.dport[1] !== 0xffff) out.push(`${m.kind} dport ${m.dportInvert ? '!= ' : ''}${ports(m.dport)}`);
      if (m.kind === 'tcp' && m.flagMask) {
        const f = (v: number) => ['fin', 'syn', 'rst', 'psh', 'ack', 'urg'].filter((_, i) => v & (1 << i)).join(',');
        out.push(`tcp flags ${m.flagsInvert ? '!= ' : ''}${f(m.flagCmp)} / ${f(m.flagMask)}`);
      }
      return out.join(' ');
    }
    case 'icmp':
      return m.type === 0xff ? '' : `icmp type ${m.invert ? '!= ' : ''}${ICMP_NAMES[m.type] ?? m.type}`;
    case 'icmp6': {
      const name = Object.entries(ICMPV6_TYPES).find(([, t]) => t === m.type)?.[0] ?? String(m.type);
      return `icmpv6 type ${m.invert ? '!= ' : ''}${name}${m.codeMin === m.codeMax ? ` icmpv6 code ${m.codeMin}` : ''}`;
    }
    case 'mark':
      return m.mask >>> 0 === 0xffffffff ? `meta mark ${m.invert ? '!= ' : ''}${hex8(m.value)}` : `meta mark & ${hex8(m.mask)} ${m.invert ? '!=' : '=='} ${hex8(m.value)}`;
    case 'connmark':
      // xt_connmark's translation prints the value as it is, unpadded (as MARK's below)
      return m.mask >>> 0 === 0xffffffff ? `ct mark ${m.invert ? '!= ' : ''}0x${(m.value >>> 0).toString(16)}` : `ct mark & ${hex8(m.mask)} ${m.invert ? '!=' : '=='} ${hex8(m.value)}`;
    case 'conntrack': {
      if (!m.state || m.proto || m.origsrc || m.origdst || m.replsrc || m.repldst || m.status || m.expires || m.dir) return 'xt match conntrack';
      const names: [string, number][] = [
        ['invalid', 1],
        ['new', 8],
        ['related', 4],
        ['established', 2],
        ['untracked', 64],
      ];
      return `ct state ${m.state.invert ? '!= ' : ''}${names
        .filter(([, b]) => m.state!.mask & b)
        .map(([n]) => n)
        .join(',')}`;
    }
    case 'multiport': {
      const p = PROTO_NAME[proto] ?? String(proto);
      const list = m.ports.length === 1 ? ports(m.ports[0]!) : `{ ${m.ports.map(ports).join(', ')} }`;
      if (m.dir === 'any') return 'xt match multiport';
      return `${p} ${m.dir === 'src' ? 'sport' : 'dport'} ${m.invert ? '!= ' : ''}${list}`;
    }
    case 'addrtype': {
      const types = ['unspec', 'unicast', 'local', 'broadcast', 'anycast', 'multicast', 'blackhole', 'unreachable', 'prohibit'];
      const t = (mask: number) => types.filter((_, i) => mask & (1 << i));
      const out: string[] = [];
      if (m.src) out.push(`fib saddr type ${m.srcInvert ? '!= ' : ''}${t(m.src).length > 1 ? `{ ${t(m.src).join(', ')} }` : t(m.src)[0]}`);
      if (m.dst) out.push(`fib daddr type ${m.dstInvert ? '!= ' : ''}${t(m.dst).length > 1 ? `{ ${t(m.dst).join(', ')} }` : t(m.dst)[0]}`);
      return out.join(' ');
    }
    case 'statistic':
      return m.mode === 'random' ? `meta random & 2147483647 ${m.invert ? '>=' : '<'} ${m.probability}` : `numgen inc mod ${m.every + 1} ${m.invert ? '!= ' : ''}${m.packet}`;
    case 'comment':
      return '';
    case 'limit':
      return limitText(m);
    case 'iprange': {
      const r = (x: { lo: number; hi: number; invert: boolean }) => `${x.invert ? '!= ' : ''}${ip4ToString(x.lo)}-${ip4ToString(x.hi)}`;
      return [m.src ? `ip saddr ${r(m.src)}` : '', m.dst ? `ip daddr ${r(m.dst)}` : ''].filter(Boolean).join(' ');
    }
    case 'mac':
      return `ether saddr ${m.invert ? '!= ' : ''}${m.mac}`;
    case 'field':
      return fieldXlate(m);
    default:
      return `xt match ${m.kind}`;
  }
}

/** the translations of iptables' length, ttl and pkttype matches */
function fieldXlate(m: FieldMatch): string {
  const neg = m.op === 'ne' ? '!= ' : '';
  if (m.xt === 'tcpmss') return `tcp option maxseg size ${neg}${m.value === m.hi ? m.value : `${m.value}-${m.hi}`}`;
  if (m.xt === 'length') return `meta length ${neg}${m.value === m.hi ? m.value : `${m.value}-${m.hi}`}`;
  if (m.xt === 'dscp') return `ip dscp ${neg}0x${m.value.toString(16).padStart(2, '0')}`;
  if (m.xt === 'ttl') return `ip ttl ${m.op === 'eq' ? '' : m.op === 'ne' ? '!= ' : `${m.op} `}${m.value}`;
  // pkttype's translation names only these three
  return `pkttype ${neg}${['unicast', 'broadcast', 'multicast'][m.value] ?? m.value}`;
}

function hex8(n: number): string {
  return `0x${(n >>> 0).toString(16).padStart(8, '0')}`;
}

function xlateTarget(t: NfTarget): string {
  switch (t.kind) {
    case 'none':
      return '';
    case 'verdict':
      return t.verdict.toLowerCase();
    case 'jump':
      return `${t.goto ? 'goto' : 'jump'} ${t.chain}`;
    case 'REJECT':
      if (t.with === 'icmp-port-unreachable' || t.with === 'icmp6-port-unreachable') return 'reject';
      if (t.with === 'tcp-reset') return 'reject with tcp reset';
      if (t.with.startsWith('icmp6-')) return `reject with icmpv6 type ${Object.entries(REJECT_ICMPV6).find(([, x]) => x === t.with)?.[0] ?? t.with}`;
      return `reject with icmp type ${t.with.replace(/^icmp-/, '').replace('proto-', 'prot-')}`;
    case 'LOG':
      return `log${t.prefix ? ` prefix "${t.prefix}"` : ''}${t.level !== 4 ? ` level ${['emerg', 'alert', 'crit', 'err', 'warn', 'notice', 'info', 'debug'][t.level]}` : ''}`;
    case 'MARK':
      // the MARK target's translation prints the value as it is, unpadded
      return t.mask >>> 0 === 0xffffffff ? `meta mark set 0x${(t.value >>> 0).toString(16)}` : 'xt target MARK';
    case 'CONNMARK':
      return t.mode === 'save' && t.nfmask >>> 0 === 0xffffffff && t.ctmask >>> 0 === 0xffffffff
        ? 'ct mark set mark'
        : t.mode === 'set' && t.ctmask >>> 0 === 0xffffffff
          ? `ct mark set 0x${(t.value >>> 0).toString(16)}`
          : t.mode === 'restore' && t.nfmask >>> 0 === 0xffffffff && t.ctmask >>> 0 === 0xffffffff
            ? 'meta mark set ct mark'
            : 'xt target CONNMARK';
    case 'NOTRACK':
      return 'notrack';
    // iptables-nft hands NETMAP to the kernel as the xtables target (no native translation)
    case 'NETMAP':
      return 'xt target NETMAP';
    case 'DSCP':
      return `ip dscp set 0x${t.value.toString(16).padStart(2, '0')}`;
    case 'TCPMSS':
      // libxt_TCPMSS's translation (both families)
      return `tcp option maxseg size set ${t.mss === TCPMSS_CLAMP_PMTU ? 'rt mtu' : t.mss}`;
    case 'TTL':
      // libipt_TTL's translation
      return `ip ttl set ${t.mode === 'set' ? t.value : t.mode === 'dec' ? `ip ttl - ${t.value}` : `ip ttl + ${t.value}`}`;
    default: {
      const r = t.range;
      let range = '';
      if (r.mapIps) range += r.minAddr === r.maxAddr ? ip4ToString(r.minAddr) : `${ip4ToString(r.minAddr)}-${ip4ToString(r.maxAddr)}`;
      if (r.protoSpecified) range += `:${r.minPort}${r.maxPort !== r.minPort ? `-${r.maxPort}` : ''}`;
      const name = t.kind === 'MASQUERADE' ? 'masquerade' : t.kind === 'SNAT' ? 'snat' : t.kind === 'DNAT' ? 'dnat' : 'redirect';
      const flags = [r.random ? 'random' : '', r.randomFully ? 'fully-random' : '', r.persistent ? 'persistent' : ''].filter(Boolean).join(',');
      return `${name}${range ? ` to ${range}` : ''}${flags ? ` ${flags}` : ''}`;
    }
  }
}

/** An IPv6 address with its mask as nft prints it: `2001:db8::/64`, the address alone for /128. */
function addr6(a: Addr6): string {
  let len = -1;
  for (let n = 0; n <= 128 && len < 0; n++) if (ip6Mask(n) === a.mask) len = n;
  return len < 0 ? `${formatIp6(a.addr)}/${formatIp6(a.mask)}` : ip6PrefixText(a.addr, len);
}

/** Whether an iptables rule holds an xtables extension (nft then warns that iptables-nft manages the table). */
export function usesXtables(r: NfRule): boolean {
  const t = r.target.kind;
  return r.matches.some((m) => !NATIVE.has(m.kind)) || !(t === 'none' || t === 'verdict' || t === 'jump');
}

/** An iptables rule in nft's words (iptables-nft's expressions: interfaces, protocol, addresses, matches, counter, target). */
function xlateRule(r: NfRule, counter: string): string {
  const ip = r.ip;
  const out: string[] = [];
  const name = (n: string) => (n.endsWith('+') ? `${n.slice(0, -1)}*` : n);
  if (ip.in) out.push(`iifname ${ip.in.invert ? '!= ' : ''}"${name(ip.in.name)}"`);
  if (ip.out) out.push(`oifname ${ip.out.invert ? '!= ' : ''}"${name(ip.out.name)}"`);
  const native = r.matches.some((m) => m.kind === 'tcp' || m.kind === 'udp');
  if (ip.proto && !native) out.push(`meta l4proto ${ip.protoInvert ? '!= ' : ''}${PROTO_NAME[ip.proto] ?? ip.proto}`);
  const v6 = r.ip6;
  if (v6) {
    if (v6.src.mask || ip.srcInvert) out.push(`ip6 saddr ${ip.srcInvert ? '!= ' : ''}${addr6(v6.src)}`);
    if (v6.dst.mask || ip.dstInvert) out.push(`ip6 daddr ${ip.dstInvert ? '!= ' : ''}${addr6(v6.dst)}`);
  } else {
    if (ip.src.mask || ip.srcInvert) out.push(`ip saddr ${ip.srcInvert ? '!= ' : ''}${addr(ip.src)}`);
    if (ip.dst.mask || ip.dstInvert) out.push(`ip daddr ${ip.dstInvert ? '!= ' : ''}${addr(ip.dst)}`);
  }
  for (const m of r.matches) out.push(xlateMatch(m, ip.proto));
  out.push(counter);
  out.push(xlateTarget(r.target));
  return out.join(' ').replace(/ +$/, '');
}

function ruleText(r: NfRule, o: ListOptions, read: (c: { pkts: number; bytes: number }) => { pkts: number; bytes: number }): string {
  const counter = counterText(r, o, read);
  const text = r.nftParts ? r.nftParts.map((p) => (p === '' ? counter : p)).join(' ') : xlateRule(r, counter);
  return `${text}${o.handles ? ` # handle ${r.handle}` : ''}`;
}

function chainText(c: NfChain, o: ListOptions, read: (c: { pkts: number; bytes: number }) => { pkts: number; bytes: number }): string {
  let s = `\tchain ${c.name} {${o.handles ? ` # handle ${c.handle}` : ''}\n`;
  if (c.base) s += `\t\ttype ${c.base.type} hook ${c.base.hook} priority ${priorityText(c.base.hook, c.base.type, c.base.priority, o.numeric)}; policy ${c.policy.toLowerCase()};\n`;
  for (const r of c.rules) s += `\t\t${ruleText(r, o, read)}\n`;
  return `${s}\t}\n`;
}

/** One table (all its chains, or one) in nft's listing, and nft's warning about it, if any. */
export function tableText(t: NfTable, o: ListOptions, read: (c: { pkts: number; bytes: number }) => { pkts: number; bytes: number }, only: NfChain | null = null): { text: string; warning: string } {
  const chains = only ? [only] : t.chains;
  let s = `table ${t.family} ${t.name} {${o.handles && !only ? ` # handle ${t.handle}` : ''}\n`;
  // the named sets first, then the chains, a blank line between blocks
  const sets = only ? [] : (t.sets ?? []).map((x) => setText(x, o.handles));
  s += [...sets, ...chains.map((c) => chainText(c, o, read))].join('\n');
  s += '}\n';
  const managed = t.owner === 'iptables' && t.chains.some((c) => c.rules.some(usesXtables));
  return { text: s, warning: managed ? `# Warning: table ${t.family} ${t.name} is managed by iptables-nft, do not touch!\n` : '' };
}

/** `nft list ruleset`. */
export function rulesetText(st: NetfilterState, o: ListOptions, read: (c: { pkts: number; bytes: number }) => { pkts: number; bytes: number }): { text: string; warning: string } {
  let text = '';
  let warning = '';
  for (const t of st.tables) {
    const r = tableText(t, o, read);
    text += r.text;
    warning += r.warning;
  }
  return { text, warning };
}
