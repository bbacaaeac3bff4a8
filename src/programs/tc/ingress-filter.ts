/**
 * `tc filter add|del|show dev X parent ffff:` (or `ingress`): the filters of an ingress or
 * clsact qdisc's ingress block (net/sched/cls_api.c tc_new_tfilter, tc_del_tfilter,
 * tc_dump_tfilter), u32 (`match u32 VAL MASK [at OFF]`, `match ip …`, `flowid`) and matchall,
 * each with at most one mirred action (mirred.ts). Priorities: the one given, else one below the
 * lowest automatic one present (0xc000 first). u32's hash tables: 800: for the block's first,
 * then 801:, 802: … (gen_new_htid, cyclic) while any is left. Other forms are not modelled.
 * What the filters do to packets is sim/tc-ingress.ts's.
 */
import type { Link } from '../../model/link.js';
import type { Netns } from '../../model/netns.js';
import type { IngressFilter, U32Key } from '../../model/qdisc.js';
import { fail, ok, unsupported, type CommandResult } from '../../iproute2/types.js';
import { parseClassid } from './class.js';
import { ipKey } from './filter.js';
import { parseMirred, printMirred } from './mirred.js';
import { TcParseError } from './netem.js';

const PROTOCOL_NAMES = new Map<number, string>([
  [0x0800, 'ip'],
  [0x0003, 'all'],
  [0x0806, 'arp'],
  [0x86dd, 'ipv6'],
]);
const KERNEL_ERR = 'We have an error talking to the kernel\n';
const hex8 = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
const classidText = (c: number) => `${(c >>> 16).toString(16)}:${(c & 0xffff).toString(16)}`;

/** The lowest mirred index free in the namespace (tcf_idr_check_alloc: idr_alloc_u32 from 1). */
function nextActionIndex(ns: Netns): number {
  const used = new Set<number>();
  for (const l of ns.links.values()) for (const f of l.ingress?.filters ?? []) for (const a of f.actions) used.add(a.index);
  let i = 1;
  while (used.has(i)) i++;
  return i;
}

function parseNum(s: string | undefined): number | null {
  if (s === undefined || !/^(0x[0-9a-fA-F]+|\d+)$/.test(s)) return null;
  const n = Number(s);
  return n <= 0xffffffff ? n : null;
}

/** `tc filter add … KIND ARGS` on the ingress block. */
export function addIngressFilter(l: Link, protocol: number, pref: number, kind: string | undefined, args: string[]): CommandResult {
  const q = l.ingress;
  if (kind !== 'u32' && kind !== 'matchall') return unsupported(`tc filter ${kind ?? ''} on the ingress block`.trim());
  const keys: U32Key[] = [];
  let classid: number | null = null;
  let action: ReturnType<typeof parseMirred> | null = null;
  try {
    for (let j = 0; j < args.length; j++) {
      const a = args[j]!;
      if (a === 'match' && kind === 'u32') {
        if (args[j + 1] === 'u32') {
          const v = parseNum(args[j + 2]);
          const m = parseNum(args[j + 3]);
          if (v === null || m === null) return unsupported(`tc filter u32 match u32 ${args.slice(j + 2, j + 4).join(' ')}`);
          let off = 0;
          j += 3;
          if (args[j + 1] === 'at') {
            const o = parseNum(args[j + 2]);
            if (o === null || o % 4 !== 0 || o > 0xffff) return unsupported(`tc filter u32 match … at ${args[j + 2] ?? ''}`);
            off = o;
            j += 2;
          }
          keys.push({ val: (v & m) >>> 0, mask: m >>> 0, off });
        } else if (args[j + 1] === 'ip') {
          const k = ipKey(args[j + 2] ?? '', args[j + 3] ?? '', args[j + 4]);
          if (!k) return unsupported(`tc filter u32 match ip ${args.slice(j + 2, j + 5).join(' ')}`);
          keys.push(k.key);
          j += 2 + k.used;
        } else return unsupported(`tc filter u32 match ${args[j + 1] ?? ''}`);
      } else if ((a === 'flowid' || a === 'classid') && classid === null) {
        const id = parseClassid(args[++j] ?? '');
        if (!id) return unsupported(`tc filter ${kind} ${a} ${args[j] ?? ''}`);
        classid = ((id[0] << 16) | id[1]) >>> 0;
      } else if (a === 'action' && action === null) {
        action = parseMirred(l.ns, args.slice(j + 1));
        break;
      } else return unsupported(`tc filter ${kind} ${a}`);
    }
  } catch (e) {
    if (!(e instanceof TcParseError)) throw e;
    return e.notModelled ? unsupported(e.stderr) : fail(e.stderr, e.exit);
  }
  if (kind === 'u32' && keys.length === 0) return unsupported('tc filter u32 without match');
  // tc_new_tfilter: the parent qdisc, then the classifier, then the priority's protocol
  if (!q) return fail(`Error: Parent Qdisc doesn't exists.\n${KERNEL_ERR}`, 2);
  const have = l.ns.host.lab.kernel.tcFilters;
  if (have && !have.includes(kind)) return fail(`Error: TC classifier not found.\n${KERNEL_ERR}`, 2);
  // tcf_auto_prio: one below the first filter at 0x8000 or above, else 0xc000
  const p = pref !== 0 ? pref : Math.min(0xc001, ...q.filters.filter((f) => f.pref >= 0x8000).map((f) => f.pref)) - 1;
  const same = q.filters.filter((f) => f.pref === p);
  if (same.length > 0 && same[0]!.protocol !== protocol) return fail(`Error: Protocol mismatch for filter with specified priority.\n${KERNEL_ERR}`, 2);
  if (same.length > 0) return unsupported(`tc filter ${kind}: a second filter at priority ${p}`);
  let handle = 1;
  if (kind === 'u32') {
    const anyU32 = q.filters.some((f) => f.kind === 'u32');
    if (!anyU32) q.u32NextHt = 1;
    const ht = anyU32 ? 0x800 + q.u32NextHt++ : 0x800;
    handle = ((ht << 20) | 0x800) >>> 0;
  }
  const f: IngressFilter = {
    kind,
    protocol,
    pref: p,
    handle,
    keys,
    classid,
    terminal: classid !== null || action !== null,
    actions: action ? [{ ...action, index: nextActionIndex(l.ns) }] : [],
  };
  q.filters.push(f);
  q.filters.sort((a, b) => a.pref - b.pref);
  l.ns.touch();
  return ok();
}

/** `tc filter del dev X parent ffff: [prio N]`: one priority's filters, or all. */
export function delIngressFilter(l: Link, pref: number, rest: string[]): CommandResult {
  if (rest.length > 0) return unsupported(`tc filter del ${rest.join(' ')}`);
  const q = l.ingress;
  if (!q) return fail(`Error: Parent Qdisc doesn't exists.\n${KERNEL_ERR}`, 2);
  if (pref === 0) q.filters = [];
  else {
    if (!q.filters.some((f) => f.pref === pref)) return fail(`Error: Filter with specified priority/protocol not found.\n${KERNEL_ERR}`, 2);
    q.filters = q.filters.filter((f) => f.pref !== pref);
  }
  l.ns.touch();
  return ok();
}

/** tc_filter_list / print_filter of the ingress block; `parentShown` when it differs from the one asked for. */
export function showIngressFilters(l: Link, parentShown: boolean): CommandResult {
  const q = l.ingress;
  if (!q) return ok();
  const head = parentShown ? 'filter parent ffff: ' : 'filter ';
  let out = '';
  for (const f of q.filters) {
    const proto = PROTOCOL_NAMES.get(f.protocol);
    const acts = printMirred(l.ns, f.actions);
    if (proto === undefined) return unsupported(`tc filter show of ${l.name}'s ingress filters`);
    const at = `${head}protocol ${proto} pref ${f.pref} ${f.kind} chain 0 `;
    out += `${at}\n`;
    if (f.kind === 'matchall') {
      out += `${at}handle 0x${f.handle.toString(16)} ${f.classid !== null ? `flowid ${classidText(f.classid)} ` : ''}\n  not_in_hw${acts}\n`;
      continue;
    }
    const ht = (f.handle >>> 20).toString(16);
    const flow = f.classid !== null ? `*flowid ${classidText(f.classid)} ` : f.terminal ? 'terminal flowid ' : '';
    out += `${at}fh ${ht}: ht divisor 1 \n${at}fh ${ht}::800 order 2048 key ht ${ht} bkt 0 ${flow}not_in_hw `;
    for (const k of f.keys) out += `\n  match ${hex8(k.val)}/${hex8(k.mask)} at ${k.off}`;
    out += `${acts}\n`;
  }
  return ok(out);
}
