/**
 * `tc [-s] class add|change|replace|del|show` for an htb root (net/sched/sch_api.c
 * tc_ctl_tclass, sch_htb.c htb_change_class / htb_delete / htb_walk). Classes of other roots are
 * reported as not modelled.
 */
import { KINDS } from '../../model/kinds/index.js';
import type { Link } from '../../model/link.js';
import type { HtbClass, Qdisc } from '../../model/qdisc.js';
import { fail, ok, unsupported, type CmdContext, type CommandResult } from '../../iproute2/types.js';
import { newHtbClass, parseHtbClass, printHtbClass, printHtbXstats } from './htb.js';
import { TcParseError } from './netem.js';
import { unknownQdisc } from './unknown.js';

type Htb = Extract<Qdisc, { kind: 'htb' }>;

/** get_tc_classid: `1:10`, `1:`, `:10`, `root`, `none`; [major, minor] or null. */
export function parseClassid(s: string): [number, number] | null {
  if (s === 'root') return [0xffff, 0xffff];
  const m = /^([0-9a-fA-F]*):([0-9a-fA-F]*)$/.exec(s);
  if (!m || (m[1] === '' && m[2] === '')) return null;
  const maj = m[1] ? Number.parseInt(m[1], 16) : 0;
  const min = m[2] ? Number.parseInt(m[2], 16) : 0;
  if (maj > 0xffff || min > 0xffff) return null;
  return [maj, min];
}

const classidText = (maj: number, min: number) => `${maj.toString(16)}:${min.toString(16)}`;

/** A class is a leaf when no class names it as parent. */
export const isLeaf = (q: Htb, c: HtbClass): boolean => !q.htb.classes.some((o) => o.parent === c.minor);

/**
 * htb_walk's order: the class hash's buckets (qdisc_class_hash: id ^= id >> 8, id ^= id >> 4),
 * each a list with the newest first; 4 buckets, doubled after an insertion leaves more than ¾
 * of them in use, the old lists walked in order into the new heads (qdisc_class_hash_grow).
 */
export function walkOrder(q: Htb): HtbClass[] {
  const hash = (c: HtbClass, size: number) => {
    let id = ((q.handle << 16) | c.minor) >>> 0;
    id ^= id >>> 8;
    id ^= id >>> 4;
    return id & (size - 1);
  };
  let buckets: HtbClass[][] = [[], [], [], []];
  let n = 0;
  for (const c of q.htb.classes) {
    buckets[hash(c, buckets.length)]!.unshift(c);
    n++;
    if (n * 4 > buckets.length * 3) {
      const grown: HtbClass[][] = Array.from({ length: buckets.length * 2 }, () => []);
      for (const b of buckets) for (const x of b) grown[hash(x, grown.length)]!.unshift(x);
      buckets = grown;
    }
  }
  return buckets.flat();
}

export function runClass(ctx: CmdContext, cmd: string, args: string[], stats: boolean): CommandResult {
  let dev: string | null = null;
  let parent: [number, number] | null = null;
  let classid: [number, number] | null = null;
  let j = 0;
  for (; j < args.length; j++) {
    const a = args[j]!;
    if (a === 'dev') dev = args[++j] ?? null;
    else if (a === 'parent' || a === 'classid') {
      const v = args[++j] ?? '';
      const id = parseClassid(v);
      if (!id) return fail(`Error: argument "${v}" is wrong: invalid class ID\n`, 255);
      if (a === 'parent') parent = id;
      else classid = id;
    } else if (a === 'root') parent = [0xffff, 0xffff];
    else break;
  }
  if (dev === null) return unsupported('tc class without dev');
  const l = ctx.ns.linkByName(dev);
  if (!l) return fail(`Cannot find device "${dev}"\n`, 1);
  if (unknownQdisc.has(l)) return unsupported(`tc class on ${l.name}, whose qdiscs the simulator does not all model`);
  const q = l.qdisc;
  if (['show', 'list', 'ls'].includes(cmd)) {
    if (j < args.length || parent || classid) return unsupported('tc class show with a selector');
    // noqueue has no classes: its dump is empty
    if (!q) return KINDS[l.kind].queued ? unsupported(`tc class show of ${l.name}'s default qdisc`) : ok();
    if (q.kind !== 'htb') return unsupported(`tc class show under ${q.kind}`);
    return ok(show(q, stats));
  }
  if (!q || q.kind !== 'htb') return unsupported(`tc class ${cmd} without an htb root`);
  if (!['add', 'change', 'chg', 'replace', 'del', 'delete'].includes(cmd)) return unsupported(`tc class ${cmd}`);
  if (!classid) return unsupported(`tc class ${cmd} without classid`);
  if (parent && parent[0] !== 0xffff && parent[0] !== q.handle) return unsupported('tc class under another qdisc');
  const existing = classid[0] === q.handle ? q.htb.classes.find((c) => c.minor === classid![1]) : undefined;
  if (cmd === 'del' || cmd === 'delete') {
    if (classid[0] !== q.handle) return unsupported('tc class del with another major');
    if (!existing) return fail('RTNETLINK answers: No such file or directory\n', 2);
    if (!isLeaf(q, existing)) return fail('Error: HTB class in use.\n', 2);
    q.htb.classes = q.htb.classes.filter((c) => c !== existing);
    l.ns.touch();
    return ok();
  }
  const kind = args[j];
  if (kind !== 'htb') return unsupported(`tc class ${cmd} ${kind ?? ''}`.trim());
  let p: ReturnType<typeof parseHtbClass>;
  try {
    p = parseHtbClass(args.slice(j + 1), q.htb.r2q);
  } catch (e) {
    if (!(e instanceof TcParseError)) throw e;
    return e.notModelled ? unsupported(e.stderr) : fail(e.stderr, e.exit);
  }
  // tc_ctl_tclass: an existing class with add's EXCL; none without CREATE (change)
  if (cmd === 'add' && existing) return fail('RTNETLINK answers: File exists\n', 2);
  if ((cmd === 'change' || cmd === 'chg') && !existing) return fail('RTNETLINK answers: No such file or directory\n', 2);
  // htb_change_class: a new class must be of the qdisc's major
  if (!existing && classid[0] !== q.handle) return classid[0] === 0 ? unsupported('tc class without a major') : fail('RTNETLINK answers: Invalid argument\n', 2);
  if (existing) {
    // htb_change_class on an existing class: new rates and bursts, its buckets and counters kept
    Object.assign(existing, p);
    existing.bucket.bufferNs = p.bufferTicks * 64;
    existing.cbucket.bufferNs = p.cbufferTicks * 64;
  } else {
    if (classid[1] === 0) return unsupported('tc class with minor 0');
    // a parent that is not one of the qdisc's classes makes a class at the root (htb_find gives none)
    const par = parent && parent[0] !== 0xffff ? (q.htb.classes.find((c) => c.minor === parent![1]) ?? null) : null;
    if (par && par.stats.packets > 0 && isLeaf(q, par)) return unsupported('tc class under a leaf that has carried packets');
    q.htb.classes.push(newHtbClass(classid[1], par?.minor ?? null, p));
  }
  l.ns.touch();
  return { exit: 0, stdout: '', stderr: quantumWarning(l, q, classid[1], args.slice(j + 1)) };
}

function show(q: Htb, stats: boolean): string {
  let out = '';
  for (const c of walkOrder(q)) {
    const leaf = isLeaf(q, c);
    const where = c.parent === null ? 'root ' : `parent ${classidText(q.handle, c.parent)} `;
    out += `class htb ${classidText(q.handle, c.minor)} ${where}${printHtbClass(c, leaf)}\n`;
    if (stats) {
      const s = c.stats;
      out += ` Sent ${s.bytes} bytes ${s.packets} pkt (dropped ${s.dropped}, overlimits ${s.overlimits} requeues 0) \n backlog 0b 0p requeues 0\n${printHtbXstats(c)}\n`;
    }
  }
  return out;
}

/**
 * htb_change_class clamps a quantum computed from r2q to 1000…200000 and says so: through
 * extack ("Warning: …", which tc prints) since Linux 6.3; 6.1 only logs it.
 */
function quantumWarning(l: Link, q: Htb, minor: number, opts: string[]): string {
  const m = /^(\d+)\.(\d+)/.exec(l.ns.host.lab.kernel.release);
  if (!m || Number(m[1]) * 1000 + Number(m[2]) < 6003) return '';
  if (opts.some((o) => o.length > 0 && 'quantum'.startsWith(o))) return '';
  const c = q.htb.classes.find((x) => x.minor === minor)!;
  const raw = Math.floor(c.rate / q.htb.r2q);
  const id = (((q.handle << 16) | minor) >>> 0).toString(16).toUpperCase();
  if (raw < 1000) return `Warning: sch_htb: quantum of class ${id} is small. Consider r2q change.\n`;
  if (raw > 200000) return `Warning: sch_htb: quantum of class ${id} is big. Consider r2q change.\n`;
  return '';
}
