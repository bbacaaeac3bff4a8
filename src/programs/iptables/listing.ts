/**
 * iptables' two listings of a table (iptables 1.8.9: xshared.c print_header,
 * print_rule_details, save_rule_details; nft.c nft_rule_list and nft_rule_list_save): `-L`
 * with its columns (-n, -v, -x, --line-numbers) and `-S` / iptables-save's rule lines. Chains
 * come builtins first in hook order, then user chains by name; iptables-nft shows a builtin
 * chain no command made as ACCEPT with nothing in it.
 */
import { ip4ToString } from '../../model/ip.js';
import type { NfRule } from '../../model/netfilter/rule.js';
import { chainRefs, HOOKS, XT_TABLES, type NfChain, type NfTable, type XtTableName } from '../../model/netfilter/table.js';
import { matchExt, targetExt } from './ext/index.js';
import { hostName, protoToName } from './names.js';
import { maskToNumeric } from './values.js';
import { mask6ToNumeric, saveAddr6 } from './values6.js';
import { formatIp6 } from '../../model/ipv6/ip6.js';
import type { Addr6 } from '../../model/netfilter/rule.js';

export const FMT = {
  NUMERIC: 0x1,
  NOCOUNTS: 0x2,
  KILOMEGAGIGA: 0x4,
  OPTIONS: 0x8,
  NOTABLE: 0x10,
  NOTARGET: 0x20,
  VIA: 0x40,
  LINENUMBERS: 0x100,
} as const;

/** printf's `%-Ns` / `%Ns` */
function pad(s: string, n: number, left = true): string {
  return left ? s.padEnd(n) : s.padStart(n);
}

/** xtables_print_num */
export function printNum(n: number, format: number): string {
  const notable = (format & FMT.NOTABLE) !== 0;
  if (!(format & FMT.KILOMEGAGIGA)) return notable ? `${n} ` : `${pad(String(n), 8, false)} `;
  if (n <= 99999) return notable ? `${n} ` : `${pad(String(n), 5, false)} `;
  for (const unit of ['K', 'M', 'G']) {
    n = Math.floor((n + 500) / 1000);
    if (n <= 9999) return notable ? `${n}${unit} ` : `${pad(String(n), 4, false)}${unit} `;
  }
  n = Math.floor((n + 500) / 1000);
  return notable ? `${n}T ` : `${pad(String(n), 4, false)}T `;
}

/** The chains as the listing shows them: builtins (made or stood in for), then user chains by name. */
export function listedChains(t: NfTable | undefined, table: string, fakeBuiltins: boolean): NfChain[] {
  const spec = XT_TABLES[table as XtTableName] ?? [];
  const out: NfChain[] = [];
  const byHook = [...spec].sort((a, b) => HOOKS.indexOf(a.hook) - HOOKS.indexOf(b.hook));
  for (const b of byHook) {
    const c = t?.chains.find((x) => x.name === b.name && x.base);
    if (c) out.push(c);
    else if (fakeBuiltins) out.push({ name: b.name, base: { hook: b.hook, priority: b.priority, type: b.type }, policy: 'ACCEPT', policyCounters: { pkts: 0, bytes: 0 }, rules: [], handle: 0 });
  }
  const users = (t?.chains ?? []).filter((c) => !c.base).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return [...out, ...users];
}

/** The chain header and column titles of `-L`. */
export function listHeader(t: NfTable | undefined, c: NfChain, format: number): string {
  let s = `Chain ${c.name}`;
  if (c.base) {
    s += ` (policy ${c.policy}`;
    if (!(format & FMT.NOCOUNTS)) s += ` ${printNum(c.policyCounters.pkts, format | FMT.NOTABLE)}packets, ${printNum(c.policyCounters.bytes, format | FMT.NOTABLE)}bytes`;
    s += ')\n';
  } else s += ` (${t ? chainRefs(t, c.name) : 0} references)\n`;
  if (format & FMT.LINENUMBERS) s += `${pad('num', 4)} `;
  if (!(format & FMT.NOCOUNTS)) {
    if (format & FMT.KILOMEGAGIGA) s += `${pad('pkts', 5, false)} ${pad('bytes', 5, false)} `;
    else s += `${pad('pkts', 8, false)} ${pad('bytes', 10, false)} `;
  }
  s += `${pad('target', 9)} `;
  s += ' prot ';
  s += 'opt';
  if (format & FMT.VIA) s += ` ${pad('in', 6)} ${pad('out', 6)} `;
  s += ` ${pad('source', 19)} `;
  s += ` ${pad('destination', 19)} `;
  return `${s}\n`;
}

function addrText(addr: number, mask: number, format: number): string {
  if (!mask && !(format & FMT.NUMERIC)) return 'anywhere';
  const host = format & FMT.NUMERIC ? ip4ToString(addr) : (hostName(addr) ?? ip4ToString(addr));
  return `${host}${maskToNumeric(mask)}`;
}

/** An ip6tables address column: `anywhere`, `::/0`, an address alone for /128 (localhost for ::1 by name). */
function addr6Text(a: Addr6, format: number): string {
  if (a.mask === 0n && !(format & FMT.NUMERIC)) return 'anywhere';
  const host = !(format & FMT.NUMERIC) && a.addr === 1n ? 'localhost' : formatIp6(a.addr);
  return `${host}${mask6ToNumeric(a.mask)}`;
}

/** The name `-L` gives a rule's target column. */
export function targetName(r: NfRule): string {
  const t = r.target;
  if (t.kind === 'none') return '';
  if (t.kind === 'verdict') return t.verdict;
  if (t.kind === 'jump') return t.chain;
  // NOTRACK is CT with the notrack flag: -L names it CT
  if (t.kind === 'NOTRACK') return 'CT';
  return t.kind;
}

/** One rule line of `-L`. */
export function listRule(r: NfRule, num: number, format: number): string {
  let s = '';
  if (format & FMT.LINENUMBERS) s += `${pad(String(num), 4)} `;
  if (!(format & FMT.NOCOUNTS)) s += printNum(r.counters?.pkts ?? 0, format) + printNum(r.counters?.bytes ?? 0, format);
  s += `${pad(targetName(r), 9)} `;
  const ip = r.ip;
  s += ip.protoInvert ? '!' : ' ';
  const pname = protoToName(ip.proto, (format & FMT.NUMERIC) !== 0);
  s += format & FMT.NUMERIC || !pname ? `${pad(String(ip.proto), 4)} ` : `${pad(pname, 4)} `;
  s += `${ip.fragment ? `${ip.fragment.invert ? '!' : '-'}f` : '--'} `;
  if (format & FMT.VIA) {
    const any = format & FMT.NUMERIC ? '*' : 'any';
    s += ` ${pad(`${ip.in?.invert ? '!' : ''}${ip.in?.name ?? any}`, 6)} `;
    s += `${pad(`${ip.out?.invert ? '!' : ''}${ip.out?.name ?? any}`, 6)} `;
  }
  const src = r.ip6 ? addr6Text(r.ip6.src, format) : addrText(ip.src.addr, ip.src.mask, format);
  const dst = r.ip6 ? addr6Text(r.ip6.dst, format) : addrText(ip.dst.addr, ip.dst.mask, format);
  s += `${ip.srcInvert ? '!' : ' '}${pad(src, 19)} `;
  s += `${ip.dstInvert ? '!' : ' '}${pad(dst, 19)} `;
  if (r.target.kind === 'jump' && r.target.goto) s += '[goto] ';
  for (const m of r.matches) s += matchExt(m).ext.print(m, (format & FMT.NUMERIC) !== 0, ip);
  const te = targetExt(r.target);
  if (te) s += te.print(r.target, (format & FMT.NUMERIC) !== 0);
  return `${s}\n`;
}

/** mask_to_str of save_ipv4_addr: `32`, a prefix length, or a dotted mask. */
function saveMask(mask: number): string {
  const m = mask >>> 0;
  if (m === 0xffffffff) return '32';
  for (let i = 31, bits = 0xfffffffe; i >= 0; i--, bits = (bits << 1) >>> 0) if (bits === m) return String(i);
  return ip4ToString(m);
}

/** A rule's words after `-A CHAIN` in `-S` and iptables-save. `counters` adds ` -c P B` before the target. */
export function saveRule(r: NfRule, counters: boolean): string {
  const ip = r.ip;
  let s = '';
  const v6 = r.ip6;
  if (v6) {
    if (v6.src.mask || ip.srcInvert || v6.src.addr) s += `${ip.srcInvert ? ' !' : ''} -s ${saveAddr6(v6.src)}`;
    if (v6.dst.mask || ip.dstInvert || v6.dst.addr) s += `${ip.dstInvert ? ' !' : ''} -d ${saveAddr6(v6.dst)}`;
  } else {
    if (ip.src.mask || ip.srcInvert || ip.src.addr) s += `${ip.srcInvert ? ' !' : ''} -s ${ip4ToString(ip.src.addr)}/${saveMask(ip.src.mask)}`;
    if (ip.dst.mask || ip.dstInvert || ip.dst.addr) s += `${ip.dstInvert ? ' !' : ''} -d ${ip4ToString(ip.dst.addr)}/${saveMask(ip.dst.mask)}`;
  }
  if (ip.in && ip.in.name !== '+') s += `${ip.in.invert ? ' !' : ''} -i ${ip.in.name}`;
  if (ip.out && ip.out.name !== '+') s += `${ip.out.invert ? ' !' : ''} -o ${ip.out.name}`;
  if (ip.proto > 0) {
    const pname = protoToName(ip.proto, false);
    s += `${ip.protoInvert ? ' !' : ''} -p ${pname ?? ip.proto}`;
  }
  if (ip.fragment) s += `${ip.fragment.invert ? ' !' : ''} -f`;
  for (const m of r.matches) {
    const { name, ext } = matchExt(m);
    s += ` -m ${name}${ext.save(m, ip)}`;
  }
  if (counters) s += ` -c ${r.counters?.pkts ?? 0} ${r.counters?.bytes ?? 0}`;
  const t = r.target;
  const te = targetExt(t);
  if (te) s += ` -j ${te.name}${te.save(t)}`;
  else if (t.kind === 'verdict') s += ` -j ${t.verdict}`;
  else if (t.kind === 'jump') s += ` -${t.goto ? 'g' : 'j'} ${t.chain}`;
  return s;
}
