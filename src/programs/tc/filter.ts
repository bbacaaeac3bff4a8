/**
 * `tc filter add|show` of u32 and flower (flower.ts) filters on an htb root (tc/f_u32.c of iproute2 6.1.0:
 * `match ip src|dst PREFIX`, `match ip protocol N MASK`, `match ip sport|dport N MASK` and
 * `flowid|classid X:Y`; net/sched/cls_u32.c's handles: one hash table per priority, 800:, 801: …,
 * keys 800::800, 800::801 … in it). What the filter classifies is sim/shaper.ts's. Other
 * classifiers, selectors and actions are reported as not modelled.
 */
import { KINDS } from '../../model/kinds/index.js';
import type { Link } from '../../model/link.js';
import { fail, ok, unsupported, type CmdContext, type CommandResult } from '../../iproute2/types.js';
import type { Qdisc, TcFilter, U32Key } from '../../model/qdisc.js';
import { parseClassid } from './class.js';
import { parseFlower, printFlower } from './flower.js';
import { TcParseError } from './netem.js';
import { addIngressFilter, delIngressFilter, showIngressFilters } from './ingress-filter.js';
import { unknownQdisc } from './unknown.js';

type Htb = Extract<Qdisc, { kind: 'htb' }>;

const PROTOCOLS: Record<string, number> = { ip: 0x0800, all: 0x0003, arp: 0x0806, ipv6: 0x86dd };

const hex8 = (n: number) => (n >>> 0).toString(16).padStart(8, '0');

/** One `match ip …` selector as u32 keys (pack_key32/16/8 of f_u32.c). */
export function ipKey(field: string, v: string, mask: string | undefined): { key: U32Key; used: number } | null {
  if (field === 'src' || field === 'dst') {
    const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)(?:\/(\d+))?$/.exec(v);
    if (!m) return null;
    const len = m[5] === undefined ? 32 : Number(m[5]);
    if (len > 32 || m.slice(1, 5).some((o) => Number(o) > 255)) return null;
    const addr = ((Number(m[1]) << 24) | (Number(m[2]) << 16) | (Number(m[3]) << 8) | Number(m[4])) >>> 0;
    const msk = len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
    return { key: { val: (addr & msk) >>> 0, mask: msk, off: field === 'src' ? 12 : 16 }, used: 1 };
  }
  const num = (s: string | undefined) => (s !== undefined && /^(0x[0-9a-fA-F]+|\d+)$/.test(s) ? Number(s) : null);
  const n = num(v);
  const k = num(mask);
  if (n === null || k === null) return null;
  if (field === 'protocol') {
    if (n > 0xff || k > 0xff) return null;
    return { key: { val: ((n & k) << 16) >>> 0, mask: (k << 16) >>> 0, off: 8 }, used: 2 };
  }
  if (field === 'sport' || field === 'dport') {
    if (n > 0xffff || k > 0xffff) return null;
    const shift = field === 'sport' ? 16 : 0;
    return { key: { val: ((n & k) << shift) >>> 0, mask: (k << shift) >>> 0, off: 20 }, used: 2 };
  }
  return null;
}

export function runFilter(ctx: CmdContext, cmd: string, args: string[]): CommandResult {
  let dev: string | null = null;
  let parent: [number, number] | null = null;
  let protocol = 0x0003;
  let pref = 0;
  let protoGiven = false;
  let ingressWord = false;
  let j = 0;
  for (; j < args.length; j++) {
    const a = args[j]!;
    if (a === 'dev') dev = args[++j] ?? null;
    else if (a === 'parent') {
      const v = args[++j] ?? '';
      parent = parseClassid(v);
      if (!parent) return fail(`Error: argument "${v}" is wrong: Invalid parent ID\n`, 255);
    } else if (a === 'protocol') {
      const v = args[++j] ?? '';
      const p = PROTOCOLS[v];
      if (p === undefined) return unsupported(`tc filter protocol ${v}`);
      protocol = p;
      protoGiven = true;
    } else if (a === 'ingress' && !parent && !ingressWord) {
      // tc_filter.c: the clsact ingress parent, ffff:fff2
      ingressWord = true;
    } else if (a === 'prio' || a === 'pref' || a === 'priority') {
      const v = args[++j] ?? '';
      if (!/^\d+$/.test(v) || Number(v) > 0xffff) return unsupported(`tc filter prio ${v}`);
      pref = Number(v);
    } else break;
  }
  if (dev === null) return unsupported('tc filter without dev');
  const l = ctx.ns.linkByName(dev);
  if (!l) return fail(`Cannot find device "${dev}"\n`, 1);
  if (unknownQdisc.has(l)) return unsupported(`tc filter on ${l.name}, whose qdiscs the simulator does not all model`);
  if (ingressWord || parent?.[0] === 0xffff) return ingressFilter(l, cmd, args.slice(j), { parent, ingressWord, protocol, protoGiven, pref });
  const q = l.qdisc;
  // noqueue, the default root of a veth, has no filters: its dump is empty
  if (!q && ['show', 'list', 'ls'].includes(cmd) && j === args.length && !parent && !KINDS[l.kind].queued) return ok();
  if (!q || q.kind !== 'htb') return unsupported(`tc filter ${cmd} without an htb root`);
  if (['show', 'list', 'ls'].includes(cmd)) {
    if (j < args.length) return unsupported(`tc filter show ${args[j]}`);
    if (parent && (parent[0] !== q.handle || parent[1] !== 0)) return unsupported('tc filter show of a class');
    return ok(show(q, parent === null));
  }
  if (cmd !== 'add') return unsupported(`tc filter ${cmd}`);
  if (!parent || parent[0] !== q.handle || parent[1] !== 0) return unsupported('tc filter add on other than the root qdisc');
  const kind = args[j];
  if (kind !== 'u32' && kind !== 'flower') return unsupported(`tc filter ${kind ?? ''}`.trim());
  if (pref === 0) return unsupported('tc filter without prio');
  if (q.htb.filters.some((f) => f.pref === pref && (f.kind !== kind || f.protocol !== protocol))) return unsupported('tc filter of another kind or protocol at the same prio');
  if (kind === 'flower') {
    if (protocol !== 0x0800) return unsupported('tc filter flower for other than protocol ip');
    let parsed: ReturnType<typeof parseFlower>;
    try {
      parsed = parseFlower(args.slice(j + 1), q.handle);
    } catch (e) {
      if (!(e instanceof TcParseError)) throw e;
      return e.notModelled ? unsupported(e.stderr) : fail(e.stderr, e.exit);
    }
    // tcf_proto_lookup_ops: a kernel without cls_flower
    const have = l.ns.host.lab.kernel.tcFilters;
    if (have && !have.includes('flower')) return fail('Error: TC classifier not found.\nWe have an error talking to the kernel\n', 2);
    const handle = 1 + q.htb.filters.filter((f) => f.pref === pref).length;
    q.htb.filters.push({ kind: 'flower', protocol, pref, classMinor: parsed.classMinor, handle, keys: [], flower: parsed.flower });
    q.htb.filters.sort((a, b) => a.pref - b.pref);
    l.ns.touch();
    return ok();
  }
  const keys: U32Key[] = [];
  let flow: number | null = null;
  for (j++; j < args.length; j++) {
    const a = args[j]!;
    if (a === 'match') {
      if (args[j + 1] !== 'ip') return unsupported(`tc filter u32 match ${args[j + 1] ?? ''}`);
      const k = ipKey(args[j + 2] ?? '', args[j + 3] ?? '', args[j + 4]);
      // an address u32 cannot read: parse_selector's refusal (other forms are not modelled)
      if (!k && (args[j + 2] === 'src' || args[j + 2] === 'dst') && /^[\d.]+(\/\d+)?$/.test(args[j + 3] ?? '')) return fail('Illegal "match"\n', 1);
      if (!k) return unsupported(`tc filter u32 match ip ${args.slice(j + 2, j + 5).join(' ')}`);
      keys.push(k.key);
      j += 2 + k.used;
    } else if (a === 'flowid' || a === 'classid') {
      const id = parseClassid(args[++j] ?? '');
      if (!id || id[0] !== q.handle) return unsupported(`tc filter u32 ${a} ${args[j] ?? ''}`);
      flow = id[1];
    } else return unsupported(`tc filter u32 ${a}`);
  }
  if (flow === null || keys.length === 0) return unsupported('tc filter u32 without match and flowid');
  // one u32 instance (hash table) per priority, its id the next free one of the qdisc's block
  const same = q.htb.filters.filter((f) => f.pref === pref);
  const ht = same[0] ? same[0].handle >>> 20 : 0x800 + new Set(q.htb.filters.filter((f) => f.kind === 'u32').map((f) => f.pref)).size;
  const kid = 0x800 + same.length;
  const f: TcFilter = { kind: 'u32', protocol, pref, classMinor: flow, handle: ((ht << 20) | kid) >>> 0, keys };
  q.htb.filters.push(f);
  q.htb.filters.sort((a, b) => a.pref - b.pref);
  l.ns.touch();
  return ok();
}

/** tc_filter_list / u32_print_opt: per priority its head, its hash table, then its keys. */
function show(q: Htb, named: boolean): string {
  const head = named ? `filter parent ${q.handle.toString(16)}: ` : 'filter ';
  let out = '';
  const prefs = [...new Set(q.htb.filters.map((f) => f.pref))];
  for (const pref of prefs) {
    const fs = q.htb.filters.filter((f) => f.pref === pref);
    const proto = Object.entries(PROTOCOLS).find(([, v]) => v === fs[0]!.protocol)![0];
    if (fs[0]!.kind === 'flower') {
      const at = `${head}protocol ${proto} pref ${pref} flower chain 0 `;
      out += `${at}\n`;
      for (const f of fs) out += `${at}handle 0x${f.handle.toString(16)} classid ${q.handle.toString(16)}:${f.classMinor.toString(16)} \n${printFlower(f.flower!)}`;
      continue;
    }
    const at = `${head}protocol ${proto} pref ${pref} u32 chain 0 `;
    const ht = (fs[0]!.handle >>> 20).toString(16);
    out += `${at}\n${at}fh ${ht}: ht divisor 1 \n`;
    for (const f of fs) {
      const kid = f.handle & 0xfff;
      out += `${at}fh ${ht}::${kid.toString(16)} order ${kid} key ht ${ht} bkt 0 *flowid ${q.handle.toString(16)}:${f.classMinor.toString(16)} not_in_hw \n`;
      for (const k of f.keys) out += `  match ${hex8(k.val)}/${hex8(k.mask)} at ${k.off}\n`;
    }
  }
  return out;
}

/** `tc filter … dev X parent ffff:|ingress …`: the ingress block (ingress-filter.ts). */
function ingressFilter(l: Link, cmd: string, rest: string[], o: { parent: [number, number] | null; ingressWord: boolean; protocol: number; protoGiven: boolean; pref: number }): CommandResult {
  const minor = o.ingressWord ? 0xfff2 : o.parent![1];
  const q = l.ingress;
  // clsact's blocks are its minors fff2 (ingress) and fff3 (egress); ingress's one block answers to any
  if (q?.kind === 'clsact' && minor !== 0xfff2) return minor === 0 && ['show', 'list', 'ls'].includes(cmd) ? ok() : unsupported(`tc filter ${cmd} on clsact's parent ffff:${minor.toString(16)}`);
  if (!q?.kind && minor !== 0 && minor !== 0xfff2) return unsupported(`tc filter ${cmd} on parent ffff:${minor.toString(16)}`);
  if (['show', 'list', 'ls'].includes(cmd)) {
    if (rest.length > 0 || o.protoGiven || o.pref !== 0) return unsupported(`tc filter show ${rest.join(' ')}`.trim());
    // print_filter names the parent when it is not the one asked for (the ingress qdisc's block is ffff:, clsact's ffff:fff2)
    const block = q?.kind === 'clsact' ? 0xfff2 : 0;
    return showIngressFilters(l, minor !== block);
  }
  if (cmd === 'add') return addIngressFilter(l, o.protocol, o.pref, rest[0], rest.slice(1));
  if (cmd === 'del' || cmd === 'delete') return o.protoGiven ? unsupported('tc filter del protocol') : delIngressFilter(l, o.pref, rest);
  return unsupported(`tc filter ${cmd} on the ingress block`);
}
