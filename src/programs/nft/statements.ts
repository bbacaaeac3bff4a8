/**
 * nft rule statements (the part of nftables 1.0.6's language nettwin models): what a rule
 * tests — addresses with `!=`, prefixes and sets, interfaces, protocols, ports, ICMP types,
 * ct state and marks — and what it does — counter, log, mark setting, a verdict, reject, the
 * NAT statements, a comment. Each statement becomes part of the model's rule and is kept in
 * the words `nft list` prints it with (values normalised as nft normalises them).
 */
import type { NfMatch, PortRange, VmapMatch } from '../../model/netfilter/match.js';
import { ip4ToString } from '../../model/ip.js';
import { emptyIpPart, type Ip6Addrs, type NfRule } from '../../model/netfilter/rule.js';
import type { NfTarget, RejectWith } from '../../model/netfilter/target.js';
import type { NfFamily } from '../../model/netfilter/table.js';
import type { Token } from './lexer.js';
import { CT_STATES, ICMP_TYPES, ICMPV6_TYPES, PROTO, PROTO_NAME, REJECT_ICMP, REJECT_ICMPV6 } from './values.js';
import { addrRange, dscpName, dscpValue, parseDscp, parseEtherSaddr, parseNumeric, parsePkttype, parseTcpFlags, rangeMatch } from './field-statements.js';
import { parseLimit } from './limit.js';
import { Cursor, hex8, ICMPX, iface, implied, natTo, negation, NftUnmodelled, num, port, prefix, prefix6, rejectText, values } from './words.js';

export { NftSyntax, NftUnmodelled, rejectText } from './words.js';

/** What a rule's statements made: the rule, nft's words for it, and how many anonymous sets it holds. */
export interface ParsedRule {
  rule: NfRule;
  parts: string[];
  sets: number;
}

/** Parses one rule's statements (the tokens after `add rule FAMILY TABLE CHAIN`). */
export function parseStatements(tokens: Token[], table: NfFamily = 'ip'): ParsedRule {
  const c = new Cursor(tokens.filter((t) => t.kind !== 'newline'));
  const ip = emptyIpPart();
  const matches: NfMatch[] = [];
  const also: NfTarget[] = [];
  let target: NfTarget = { kind: 'none' };
  let counters: NfRule['counters'] = null;
  const parts: string[] = [];
  let family: 'ip' | 'ip6' | null = null;
  /** index in parts of a `meta nfproto` test a later test of the same family makes redundant */
  let nfprotoPart = -1;
  const setFamily = (f: 'ip' | 'ip6') => {
    // nft refuses it: "conflicting protocols specified"
    if (family && family !== f) throw new NftUnmodelled('nft tests of two network families in one rule');
    family = f;
    if (nfprotoPart >= 0) {
      // nft lists the family test no more: the header test implies it
      parts.splice(nfprotoPart, 1);
      if (protoPart > nfprotoPart) protoPart--;
      nfprotoPart = -1;
    }
  };
  let rule6: Ip6Addrs | null = null;
  /** a verdict map gave the rule its verdicts (its target stays `none`) */
  let vmapTarget = false;
  let comment: string | null = null;
  let sets = 0;
  /** index in parts of a protocol statement a later header match may make redundant */
  let protoPart = -1;
  while (!c.done()) {
    const w = c.word();
    // a comment may follow the verdict (nft lists it last whatever its place)
    if ((target.kind !== 'none' || vmapTarget) && w !== 'comment') throw new NftUnmodelled(`nft statement after a verdict (${w})`);
    if (w === 'ip') {
      setFamily('ip');
      const field = c.word();
      if (field === 'saddr' || field === 'daddr') {
        const inv = negation(c);
        if (c.peek()?.text === 'vmap' && !inv) {
          const vm = verdictMap(
            c,
            field,
            (k) => {
              const a = prefix(k);
              return [a.addr, (a.addr | ~a.mask) >>> 0];
            },
            (lo, hi) => {
              const size = hi - lo + 1;
              const len = 32 - Math.log2(size);
              return Number.isInteger(len) && len < 32 ? `${ip4ToString(lo)}/${len}` : ip4ToString(lo);
            },
          );
          matches.push(vm.match);
          parts.push(`ip ${field} vmap ${vm.text}`);
          vmapTarget = true;
          sets++;
          continue;
        }
        if (isSetRef(c)) {
          const set = c.word().slice(1);
          matches.push({ kind: 'setref', key: field, set, invert: inv });
          parts.push(`ip ${field} ${inv ? '!= ' : ''}@${set}`);
          continue;
        }
        const range = c.peek()?.kind === 'word' ? addrRange(c.peek()!.text) : null;
        if (range) {
          c.next();
          const r = rangeMatch(field, range, inv);
          matches.push(r.match);
          parts.push(r.text);
          continue;
        }
        const v = values(c);
        const addrs = v.list.map(prefix);
        if (v.set) {
          sets++;
          addrs.sort((a, b) => a.addr - b.addr);
          matches.push({ kind: 'addrset', field: field === 'saddr' ? 'src' : 'dst', addrs: addrs.map(({ addr, mask }) => ({ addr, mask })), invert: inv });
          parts.push(`ip ${field} ${inv ? '!= ' : ''}{ ${addrs.map((a) => a.text).join(', ')} }`);
        } else {
          const a = addrs[0]!;
          if (field === 'saddr') {
            ip.src = { addr: a.addr, mask: a.mask };
            ip.srcInvert = inv;
          } else {
            ip.dst = { addr: a.addr, mask: a.mask };
            ip.dstInvert = inv;
          }
          parts.push(`ip ${field} ${inv ? '!= ' : ''}${a.text}`);
        }
      } else if (field === 'protocol') {
        const inv = negation(c);
        const p = c.word();
        ip.proto = PROTO[p] ?? num(p);
        ip.protoInvert = inv;
        protoPart = parts.length;
        parts.push(`ip protocol ${inv ? '!= ' : ''}${PROTO_NAME[ip.proto] ?? ip.proto}`);
      } else if (field === 'ttl') {
        const r = parseNumeric(c, 'ttl', {}, 255);
        matches.push(r.match);
        parts.push(`ip ttl ${r.text}`);
      } else if (field === 'dscp' && c.peek()?.text === 'set') {
        c.next();
        const v = dscpValue(c.word());
        also.push({ kind: 'DSCP', value: v });
        parts.push(`ip dscp set ${dscpName(v)}`);
      } else if (field === 'dscp') {
        const r = parseDscp(c);
        matches.push(r.match);
        parts.push(`ip dscp ${r.text}`);
      } else throw new NftUnmodelled(`nft ip ${field}`);
    } else if (w === 'meta' || w === 'mark') {
      const key = w === 'mark' ? 'mark' : c.word();
      if (key === 'l4proto') {
        const inv = negation(c);
        if (isSetRef(c)) {
          const set = c.word().slice(1);
          matches.push({ kind: 'setref', key: 'l4proto', set, invert: inv });
          parts.push(`meta l4proto ${inv ? '!= ' : ''}@${set}`);
          continue;
        }
        const p = c.word();
        ip.proto = PROTO[p] ?? num(p);
        ip.protoInvert = inv;
        protoPart = parts.length;
        parts.push(`meta l4proto ${inv ? '!= ' : ''}${PROTO_NAME[ip.proto] ?? ip.proto}`);
      } else if (key === 'mark' && c.peek()?.text === 'set') {
        c.next();
        const w2 = c.word();
        if (w2 === 'ct') {
          // the packet's mark from its connection's: CONNMARK --restore-mark
          if (c.word() !== 'mark') throw new NftUnmodelled('nft meta mark set ct other than ct mark');
          also.push({ kind: 'CONNMARK', mode: 'restore', value: 0, mask: 0xffffffff, nfmask: 0xffffffff, ctmask: 0xffffffff });
          parts.push('meta mark set ct mark');
        } else {
          const v = num(w2);
          also.push({ kind: 'MARK', value: v, mask: 0xffffffff });
          parts.push(`meta mark set ${hex8(v)}`);
        }
      } else if (key === 'mark') {
        const inv = negation(c);
        if (isSetRef(c)) {
          const set = c.word().slice(1);
          matches.push({ kind: 'setref', key: 'mark', set, invert: inv });
          parts.push(`meta mark ${inv ? '!= ' : ''}@${set}`);
          continue;
        }
        const v = num(c.word());
        matches.push({ kind: 'mark', value: v, mask: 0xffffffff, invert: inv });
        parts.push(`meta mark ${inv ? '!= ' : ''}${hex8(v)}`);
      } else if (key === 'nfproto') {
        // the network family of an inet chain's packet: a test nft lists as written
        const inv = negation(c);
        const v = c.word();
        if ((v !== 'ipv4' && v !== 'ipv6') || inv) throw new NftUnmodelled(`nft meta nfproto ${inv ? '!= ' : ''}${v}`);
        setFamily(v === 'ipv4' ? 'ip' : 'ip6');
        nfprotoPart = parts.length;
        parts.push(`meta nfproto ${v}`);
      } else if (key === 'iifname' || key === 'oifname') {
        const ref = ifaceSetRef(c, key);
        if (ref) {
          matches.push(ref.match);
          parts.push(ref.text);
          continue;
        }
        const set = ifaceSet(c, key, ip);
        if (set) {
          if (set.match) matches.push(set.match);
          parts.push(set.text);
          if (set.match) sets++;
          continue;
        }
        parts.push(iface(c, key, ip));
      } else if (key === 'length') {
        const r = parseNumeric(c, 'length', {}, 0xffffffff);
        matches.push(r.match);
        parts.push(`meta length ${r.text}`);
      } else if (key === 'pkttype') {
        const r = parsePkttype(c);
        matches.push(r.match);
        parts.push(`meta pkttype ${r.text}`);
      } else throw new NftUnmodelled(`nft meta ${key}`);
    } else if (w === 'pkttype') {
      const r = parsePkttype(c);
      matches.push(r.match);
      parts.push(`meta pkttype ${r.text}`);
    } else if (w === 'th') {
      const field = c.word();
      if (field !== 'sport' && field !== 'dport') throw new NftUnmodelled(`nft th ${field}`);
      const r = parseNumeric(c, field === 'sport' ? 'thsport' : 'thdport', {}, 0xffff);
      matches.push(r.match);
      // once the rule has settled the protocol, nft lists the transport header by its name
      const known = !ip.protoInvert && (ip.proto === 6 || ip.proto === 17) ? (ip.proto === 6 ? 'tcp' : 'udp') : 'th';
      parts.push(`${known} ${field} ${r.text}`);
    } else if (w === 'ether') {
      const field = c.word();
      if (field !== 'saddr') throw new NftUnmodelled(`nft ether ${field}`);
      const r = parseEtherSaddr(c, negation(c));
      matches.push(r.match);
      parts.push(r.text);
    } else if (w === 'limit') {
      const r = parseLimit(c);
      matches.push(r.match);
      parts.push(r.text);
    } else if (w === 'iif' || w === 'iifname' || w === 'oif' || w === 'oifname') {
      const ref = w === 'iifname' || w === 'oifname' ? ifaceSetRef(c, w) : null;
      if (ref) {
        matches.push(ref.match);
        parts.push(ref.text);
        continue;
      }
      const set = w === 'iifname' || w === 'oifname' ? ifaceSet(c, w, ip) : null;
      if (set) {
        if (set.match) matches.push(set.match);
        parts.push(set.text);
        if (set.match) sets++;
        continue;
      }
      parts.push(iface(c, w, ip));
    } else if (w === 'tcp' && c.peek()?.text === 'flags') {
      c.next();
      const r = parseTcpFlags(c);
      ip.proto = 6;
      if (protoPart >= 0 && parts[protoPart]?.endsWith(' tcp') && implied(parts[protoPart]!, table)) parts.splice(protoPart, 1);
      protoPart = -1;
      matches.push(r.match);
      parts.push(r.text);
    } else if (w === 'tcp' || w === 'udp') {
      const field = c.word();
      if (field !== 'sport' && field !== 'dport') throw new NftUnmodelled(`nft ${w} ${field}`);
      const inv = negation(c);
      if (c.peek()?.text === 'vmap' && !inv) {
        ip.proto = w === 'tcp' ? 6 : 17;
        if (protoPart >= 0 && parts[protoPart]?.endsWith(` ${w}`) && implied(parts[protoPart]!, table)) parts.splice(protoPart, 1);
        protoPart = -1;
        const vm = verdictMap(
          c,
          field,
          (k) => port(k),
          (lo, hi) => (lo === hi ? `${lo}` : `${lo}-${hi}`),
          ip.proto,
        );
        matches.push(vm.match);
        parts.push(`${w} ${field} vmap ${vm.text}`);
        vmapTarget = true;
        sets++;
        continue;
      }
      const ref = isSetRef(c) ? c.word().slice(1) : null;
      const v = ref === null ? values(c) : { list: [], set: false };
      const ranges = v.list.map(port);
      ip.proto = w === 'tcp' ? 6 : 17;
      if (protoPart >= 0 && parts[protoPart]?.endsWith(` ${w}`) && implied(parts[protoPart]!, table)) parts.splice(protoPart, 1);
      protoPart = -1;
      if (ref !== null) {
        matches.push({ kind: 'setref', key: field, proto: ip.proto, set: ref, invert: inv });
        parts.push(`${w} ${field} ${inv ? '!= ' : ''}@${ref}`);
        continue;
      }
      if (v.set) {
        sets++;
        ranges.sort((a, b) => a[0] - b[0]);
        matches.push({ kind: 'multiport', dir: field === 'sport' ? 'src' : 'dst', ports: ranges, invert: inv });
        parts.push(`${w} ${field} ${inv ? '!= ' : ''}{ ${ranges.map((r) => (r[0] === r[1] ? `${r[0]}` : `${r[0]}-${r[1]}`)).join(', ')} }`);
      } else {
        const r = ranges[0]!;
        const none: PortRange = [0, 0xffff];
        const m =
          w === 'tcp'
            ? {
                kind: 'tcp' as const,
                sport: field === 'sport' ? r : none,
                sportInvert: field === 'sport' && inv,
                dport: field === 'dport' ? r : none,
                dportInvert: field === 'dport' && inv,
                flagMask: 0,
                flagCmp: 0,
                flagsInvert: false,
                option: 0,
                optionInvert: false,
              }
            : { kind: 'udp' as const, sport: field === 'sport' ? r : none, sportInvert: field === 'sport' && inv, dport: field === 'dport' ? r : none, dportInvert: field === 'dport' && inv };
        matches.push(m);
        parts.push(`${w} ${field} ${inv ? '!= ' : ''}${r[0] === r[1] ? r[0] : `${r[0]}-${r[1]}`}`);
      }
    } else if (w === 'ip6') {
      setFamily('ip6');
      const field = c.word();
      if (field === 'saddr' || field === 'daddr') {
        const inv = negation(c);
        const v = values(c);
        if (v.set) throw new NftUnmodelled(`nft ip6 ${field} with a set`);
        const a = prefix6(v.list[0]!);
        const v6 = (rule6 ??= { src: { addr: 0n, mask: 0n }, dst: { addr: 0n, mask: 0n } });
        if (field === 'saddr') {
          v6.src = { addr: a.addr, mask: a.mask };
          ip.srcInvert = inv;
        } else {
          v6.dst = { addr: a.addr, mask: a.mask };
          ip.dstInvert = inv;
        }
        parts.push(`ip6 ${field} ${inv ? '!= ' : ''}${a.text}`);
      } else if (field === 'nexthdr') {
        const inv = negation(c);
        const p = c.word();
        ip.proto = PROTO[p] ?? num(p);
        ip.protoInvert = inv;
        protoPart = parts.length;
        parts.push(`ip6 nexthdr ${inv ? '!= ' : ''}${PROTO_NAME[ip.proto] ?? ip.proto}`);
      } else if (field === 'hoplimit') {
        const r = parseNumeric(c, 'hoplimit', {}, 255);
        matches.push(r.match);
        parts.push(`ip6 hoplimit ${r.text}`);
      } else throw new NftUnmodelled(`nft ip6 ${field}`);
    } else if (w === 'icmpv6') {
      setFamily('ip6');
      const field = c.word();
      if (field !== 'type') throw new NftUnmodelled(`nft icmpv6 ${field}`);
      const inv = negation(c);
      const v = values(c);
      const types = v.list.map((t) => ICMPV6_TYPES[t] ?? num(t)).sort((a, b) => a - b);
      ip.proto = 58;
      if (protoPart >= 0 && parts[protoPart]?.endsWith(' ipv6-icmp') && implied(parts[protoPart]!, table)) parts.splice(protoPart, 1);
      protoPart = -1;
      const name = (t: number) => Object.entries(ICMPV6_TYPES).find(([, v2]) => v2 === t)?.[0] ?? String(t);
      if (v.set) {
        sets++;
        matches.push({ kind: 'icmptypes', types, invert: inv, v6: true });
        parts.push(`icmpv6 type ${inv ? '!= ' : ''}{ ${types.map(name).join(', ')} }`);
      } else {
        matches.push({ kind: 'icmp6', type: types[0]!, codeMin: 0, codeMax: 0xff, invert: inv });
        parts.push(`icmpv6 type ${inv ? '!= ' : ''}${name(types[0]!)}`);
      }
    } else if (w === 'icmp') {
      setFamily('ip');
      const field = c.word();
      if (field !== 'type') throw new NftUnmodelled(`nft icmp ${field}`);
      const inv = negation(c);
      const v = values(c);
      const types = v.list.map((t) => ICMP_TYPES[t] ?? num(t)).sort((a, b) => a - b);
      ip.proto = 1;
      if (protoPart >= 0 && parts[protoPart]?.endsWith(' icmp') && implied(parts[protoPart]!, table)) parts.splice(protoPart, 1);
      protoPart = -1;
      const name = (t: number) => Object.entries(ICMP_TYPES).find(([, v2]) => v2 === t)?.[0] ?? String(t);
      if (v.set) {
        sets++;
        matches.push({ kind: 'icmptypes', types, invert: inv });
        parts.push(`icmp type ${inv ? '!= ' : ''}{ ${types.map(name).join(', ')} }`);
      } else {
        matches.push({ kind: 'icmp', type: types[0]!, codeMin: 0, codeMax: 0xff, invert: inv });
        parts.push(`icmp type ${inv ? '!= ' : ''}${name(types[0]!)}`);
      }
    } else if (w === 'ct') {
      const key = c.word();
      if (key === 'state') {
        const inv = negation(c);
        if (c.peek()?.text === 'vmap' && !inv) {
          const vm = verdictMap(
            c,
            'ctstate',
            (k) => {
              const st = CT_STATES.find(([n]) => n === k);
              if (!st) throw new NftUnmodelled(`nft ct state ${k}`);
              return [st[1], st[1]];
            },
            (lo) => CT_STATES.find(([, b]) => b === lo)![0],
          );
          matches.push(vm.match);
          parts.push(`ct state vmap ${vm.text}`);
          target = { kind: 'none' };
          vmapTarget = true;
          sets++;
          continue;
        }
        const v = values(c);
        // a bitmask type takes `a,b` without braces (nft's basic_rhs_expr '|' list, written with commas)
        while (!v.set && c.peek()?.text === ',') {
          c.next();
          v.list.push(c.word());
        }
        let mask = 0;
        for (const item of v.list) {
          const s = CT_STATES.find(([n]) => n === item);
          if (!s) throw new NftUnmodelled(`nft ct state ${item}`);
          mask |= s[1];
        }
        matches.push({
          kind: 'conntrack',
          alias: false,
          state: { mask, invert: inv },
          proto: null,
          origsrc: null,
          origdst: null,
          replsrc: null,
          repldst: null,
          origsrcport: null,
          origdstport: null,
          replsrcport: null,
          repldstport: null,
          status: null,
          expires: null,
          dir: null,
        });
        parts.push(
          `ct state ${inv ? '!= ' : ''}${CT_STATES.filter(([, b]) => mask & b)
            .map(([n]) => n)
            .join(',')}`,
        );
      } else if (key === 'mark' && c.peek()?.text === 'set') {
        c.next();
        const v = c.word();
        if (v === 'mark' || v === 'meta') {
          if (v === 'meta') c.word();
          also.push({ kind: 'CONNMARK', mode: 'save', value: 0, mask: 0xffffffff, nfmask: 0xffffffff, ctmask: 0xffffffff });
          parts.push('ct mark set mark');
        } else {
          also.push({ kind: 'CONNMARK', mode: 'set', value: num(v), mask: 0xffffffff, nfmask: 0xffffffff, ctmask: 0xffffffff });
          parts.push(`ct mark set ${hex8(num(v))}`);
        }
      } else if (key === 'mark') {
        const inv = negation(c);
        const v = num(c.word());
        matches.push({ kind: 'connmark', value: v, mask: 0xffffffff, invert: inv });
        parts.push(`ct mark ${inv ? '!= ' : ''}${hex8(v)}`);
      } else throw new NftUnmodelled(`nft ct ${key}`);
    } else if (w === 'notrack') {
      // a statement, not a verdict: the packet goes on, untracked
      also.push({ kind: 'NOTRACK', alias: false });
      parts.push('notrack');
    } else if (w === 'counter') {
      counters = { pkts: 0, bytes: 0 };
      if (c.peek()?.text === 'packets') {
        c.next();
        counters.pkts = num(c.word());
        if (c.word() !== 'bytes') throw new NftUnmodelled('nft counter');
        counters.bytes = num(c.word());
      }
      parts.push('');
    } else if (w === 'log') {
      let prefixText = '';
      let level = 4;
      while (c.peek()?.text === 'prefix' || c.peek()?.text === 'level') {
        const k = c.word();
        const v = c.word();
        if (k === 'prefix') prefixText = v;
        else {
          const lv = ['emerg', 'alert', 'crit', 'err', 'warn', 'notice', 'info', 'debug'].indexOf(v);
          if (lv < 0) throw new NftUnmodelled(`nft log level ${v}`);
          level = lv;
        }
      }
      also.push({ kind: 'LOG', level, prefix: prefixText, flags: 0 });
      parts.push(`log${prefixText ? ` prefix "${prefixText}"` : ''}${level !== 4 ? ` level ${['emerg', 'alert', 'crit', 'err', 'warn', 'notice', 'info', 'debug'][level]}` : ''}`);
    } else if (w === 'comment') {
      comment = c.word();
    } else if (w === 'accept' || w === 'drop' || w === 'return') {
      target = { kind: 'verdict', verdict: w.toUpperCase() as 'ACCEPT' | 'DROP' | 'RETURN' };
      parts.push(w);
    } else if (w === 'jump' || w === 'goto') {
      const to = c.next();
      target = { kind: 'jump', chain: to.text, goto: w === 'goto' };
      parts.push(`${w} ${to.text}`);
    } else if (w === 'reject') {
      let withWhat: RejectWith = 'icmp-port-unreachable';
      /** nft's words for an icmpx answer in an inet table (either family's code, chosen per packet) */
      let icmpxText: string | null = null;
      if (c.peek()?.text === 'with') {
        c.next();
        const k = c.word();
        if (k === 'tcp' && c.word() === 'reset') withWhat = 'tcp-reset';
        else if (k === 'icmpx' && table === 'inet') {
          let v = c.word();
          if (v === 'type') v = c.word();
          const r = ICMPX[v];
          if (!r) throw new NftUnmodelled(`nft reject with icmpx ${v}`);
          withWhat = r;
          if (v !== 'port-unreachable') icmpxText = `reject with icmpx ${v}`;
        } else if (k === 'icmp' || k === 'icmpx' || k === 'icmpv6') {
          let v = c.word();
          if (v === 'type') v = c.word();
          const r = k === 'icmpv6' ? REJECT_ICMPV6[v] : REJECT_ICMP[v];
          if (!r) throw new NftUnmodelled(`nft reject with ${k} ${v}`);
          withWhat = r;
        } else throw new NftUnmodelled(`nft reject with ${k}`);
      }
      target = { kind: 'REJECT', with: withWhat };
      parts.push(icmpxText ?? (withWhat === 'icmp-port-unreachable' ? 'reject' : withWhat === 'tcp-reset' ? 'reject with tcp reset' : rejectText(withWhat)));
    } else if (w === 'masquerade' || w === 'snat' || w === 'dnat' || w === 'redirect') {
      // an inet table's `snat ip6 to …` (and `ip to …`) keeps its family word in the listing
      const inet6 = table === 'inet' && c.peek()?.text === 'ip6';
      const r = natTo(c, w, table === 'ip6' || inet6, table === 'inet');
      target = { kind: w === 'masquerade' ? 'MASQUERADE' : w === 'snat' ? 'SNAT' : w === 'dnat' ? 'DNAT' : 'REDIRECT', range: r.range };
      parts.push(r.text);
    } else throw new NftUnmodelled(`nft statement ${w}`);
  }
  if (comment !== null) parts.push(`comment "${comment}"`);
  const rule: NfRule = { ip, matches, target, counters, handle: 0, nftParts: parts };
  if (rule6) rule.ip6 = rule6;
  if (family) rule.family = family;
  if (also.length) rule.also = also;
  return { rule, parts, sets };
}

/** The next value is a named set (`@NAME`). */
function isSetRef(c: Cursor): boolean {
  const t = c.peek();
  return t !== undefined && t.kind === 'word' && t.text.startsWith('@') && t.text.length > 1;
}

/** `iifname|oifname [!=] @NAME`, or null when the value is not a set. */
/**
 * `iifname [!=] { "eth0", "eth1" }`: an anonymous set of names (a set of one is that name, as
 * nft makes it). nft lists the elements sorted as little-endian numbers of their bytes: shorter
 * names first, then by their last byte backwards. Wildcards (`"eth*"`, intervals) are not modelled.
 */
function ifaceSet(c: Cursor, key: 'iifname' | 'oifname', ip: ReturnType<typeof emptyIpPart>): { match: NfMatch | null; text: string } | null {
  const save = c.i;
  const inv = negation(c);
  if (c.peek()?.text !== '{') {
    c.i = save;
    return null;
  }
  const v = values(c);
  if (!v.set) {
    // `{ "lo" }` is `"lo"`
    const name = v.list[0]!;
    if (name.includes('*')) throw new NftUnmodelled('nft interface name wildcards in a set');
    const i = { name, invert: inv };
    if (key === 'iifname') ip.in = i;
    else ip.out = i;
    return { match: null, text: `${key} ${inv ? '!= ' : ''}"${name}"` };
  }
  if (v.list.some((n) => n.includes('*'))) throw new NftUnmodelled('nft interface name wildcards in a set');
  const rev = (n: string) => [...n].reverse().join('');
  const names = [...new Set(v.list)].sort((a, b) => a.length - b.length || (rev(a) < rev(b) ? -1 : rev(a) > rev(b) ? 1 : 0));
  return { match: { kind: 'ifset', dir: key === 'iifname' ? 'in' : 'out', names, invert: inv }, text: `${key} ${inv ? '!= ' : ''}{ ${names.map((n) => `"${n}"`).join(', ')} }` };
}

function ifaceSetRef(c: Cursor, key: 'iifname' | 'oifname'): { match: NfMatch; text: string } | null {
  const save = c.i;
  const inv = negation(c);
  if (!isSetRef(c)) {
    c.i = save;
    return null;
  }
  const set = c.word().slice(1);
  return { match: { kind: 'setref', key, set, invert: inv }, text: `${key} ${inv ? '!= ' : ''}@${set}` };
}

/**
 * `vmap { KEY : VERDICT, … }`: the entries, sorted by key as nft lists them, and their text.
 * `key` reads one key (a range [lo, hi]); `show` writes one back.
 */
function verdictMap(c: Cursor, key: VmapMatch['key'], read: (k: string) => [number, number], show: (lo: number, hi: number) => string, proto?: number): { match: VmapMatch; text: string } {
  c.next();
  if (c.next().text !== '{') throw new NftUnmodelled('nft vmap without an anonymous map');
  const entries: VmapMatch['entries'] = [];
  const texts = new Map<VmapMatch['entries'][number], string>();
  for (;;) {
    const t = c.next();
    if (t.text === '}') break;
    if (t.text === ',' || t.kind === 'newline') continue;
    let k = t.text;
    // `22: accept` and `22 :accept` are the same words
    if (k.endsWith(':')) k = k.slice(0, -1);
    else if (c.peek()?.text === ':') c.next();
    else if (c.peek()?.text.startsWith(':')) c.t[c.i] = { ...c.peek()!, text: c.peek()!.text.slice(1) };
    const [lo, hi] = read(k);
    const v = c.word();
    let verdict: NfTarget;
    let vt = v;
    if (v === 'accept' || v === 'drop' || v === 'return') verdict = { kind: 'verdict', verdict: v.toUpperCase() as 'ACCEPT' | 'DROP' | 'RETURN' };
    else if (v === 'continue') verdict = { kind: 'none' };
    else if (v === 'jump' || v === 'goto') {
      const to = c.word();
      verdict = { kind: 'jump', chain: to, goto: v === 'goto' };
      vt = `${v} ${to}`;
    } else throw new NftUnmodelled(`nft vmap verdict ${v}`);
    const e = { lo, hi, verdict };
    entries.push(e);
    texts.set(e, `${show(lo, hi)} : ${vt}`);
  }
  entries.sort((a, b) => a.lo - b.lo);
  const match: VmapMatch = { kind: 'vmap', key, entries, ...(proto !== undefined ? { proto } : {}) };
  return { match, text: `{ ${entries.map((e) => texts.get(e)).join(', ')} }` };
}
