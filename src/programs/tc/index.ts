/**
 * tc (iproute2 6.1.0) as the simulator runs it: `tc [-s] qdisc add|change|replace|del|show`
 * for a device's root netem, tbf or htb (src/model/qdisc.ts; sim/netem.ts and sim/shaper.ts
 * apply them to what the device sends), htb's classes (class.ts) and u32 filters (filter.ts);
 * the ingress and clsact qdiscs (ingress.ts) with their u32 and matchall filters and mirred
 * actions (ingress-filter.ts, mirred.ts; sim/tc-ingress.ts runs them on what a device receives).
 * Other objects (action), other qdisc kinds the kernel has, and the devices whose default qdisc
 * is not noqueue (but an ifb's pfifo_fast) are reported as not modelled; a qdisc kind the modelled kernel lacks gets its
 * answer ("Specified qdisc kind is unknown").
 */
import { KINDS } from '../../model/kinds/index.js';
import type { Link } from '../../model/link.js';
import { freshNetem, freshStats, type Qdisc } from '../../model/qdisc.js';
import { fail, ok, unsupported, type CmdContext, type CommandResult } from '../../iproute2/types.js';
import { runClass } from './class.js';
import { runFilter } from './filter.js';
import { ingressLine, modifyIngress, type IngressKind } from './ingress.js';
import { unknownQdisc } from './unknown.js';
import { parseHtbQdisc, printHtbQdisc } from './htb.js';
import { parseNetem, printNetem, TcParseError } from './netem.js';
import { parseTbf, printTbf } from './tbf.js';

/** The qdisc kinds the model makes. */
const MODELLED = ['netem', 'tbf', 'htb'];

/** qdisc_alloc_handle's counter is the kernel's (one static): one per lab here. */
const autoHandle = new WeakMap<object, number>();

function nextHandle(l: Link): number {
  const lab = l.ns.host.lab;
  const n = (autoHandle.get(lab) ?? 0x8000) + 1;
  autoHandle.set(lab, n);
  return n;
}

export function runTc(ctx: CmdContext, argv: string[]): CommandResult {
  let stats = false;
  let i = 0;
  for (; i < argv.length && argv[i]!.startsWith('-'); i++) {
    const o = argv[i]!.replace(/^--?/, '');
    if ('statistics'.startsWith(o) && o.length > 0) stats = true;
    else return unsupported(`tc option ${argv[i]}`);
  }
  const obj = argv[i];
  const cmd = argv[i + 1] ?? 'show';
  const rest = argv.slice(i + 2);
  if (obj !== undefined && obj.length > 0 && 'class'.startsWith(obj)) return runClass(ctx, cmd, rest, stats);
  if (obj !== undefined && obj.length > 0 && 'filter'.startsWith(obj)) return runFilter(ctx, cmd, rest);
  if (obj === undefined || !'qdisc'.startsWith(obj)) return unsupported(`tc ${obj ?? ''}`.trim());
  if (['show', 'list', 'ls'].includes(cmd)) return show(ctx, rest, stats);
  if (['add', 'change', 'chg', 'replace', 'del', 'delete'].includes(cmd)) return modify(ctx, cmd, rest);
  return unsupported(`tc qdisc ${cmd}`);
}

function modify(ctx: CmdContext, cmd: string, args: string[]): CommandResult {
  let dev: string | null = null;
  let root = false;
  let handle: number | null = null;
  let notModelled: string | null = null;
  let parentMajor = -1;
  let ingress: IngressKind | null = null;
  let j = 0;
  for (; j < args.length; j++) {
    const a = args[j]!;
    if (a === 'dev') dev = args[++j] ?? null;
    else if (a === 'root') root = true;
    else if (a === 'handle') {
      // get_qdisc_handle: a hex major, then ':' and anything (the minor is not read), or the end
      const arg = args[++j] ?? '';
      const m = /^([0-9a-fA-F]+)(?::.*)?$/s.exec(arg);
      if (!m || Number.parseInt(m[1]!, 16) >= 0x10000) return fail(`Error: argument "${arg}" is wrong: invalid qdisc ID\n`, 255);
      handle = Number.parseInt(m[1]!, 16);
    } else if (a === 'parent') {
      const m = /^([0-9a-fA-F]{1,4}):([0-9a-fA-F]{0,4})$/.exec(args[j + 1] ?? '');
      parentMajor = m ? Number.parseInt(m[1]!, 16) : -1;
      const next = args[j + 2];
      if (m && (next === 'ingress' || next === 'clsact')) return fail(`Error: "${next}" is a duplicate parent ID\n`, 255);
      notModelled = a;
      break;
    } else if (a === 'ingress' || a === 'clsact') {
      // tc_qdisc.c: the parent TC_H_INGRESS (a second parent is its own refusal) and the handle ffff:0
      if (root) return fail(`Error: "${a}" is a duplicate parent ID\n`, 255);
      ingress = a;
      j++;
      break;
    } else if (a === 'estimator' || a === 'stab') {
      notModelled = a;
      break;
    } else break;
  }
  if (dev === null) return unsupported('tc qdisc without dev');
  const l = ctx.ns.linkByName(dev);
  if (!l) return fail(`Cannot find device "${dev}"\n`, 1);
  if (ingress !== null) return unknownQdisc.has(l) ? unsupported(`tc qdisc ${ingress} on ${l.name}, whose qdiscs the simulator does not all model`) : modifyIngress(l, cmd, ingress, args.slice(j));
  if (notModelled !== null) {
    if (notModelled === 'parent' && parentMajor >= 0 && (cmd === 'add' || cmd === 'replace') && !unknownQdisc.has(l)) {
      // a child of no qdisc the device has (tc_modify_qdisc finds no parent), or of one the kernel lacks the kind for
      if (parentMajor !== l.qdisc?.handle) return fail('Error: Failed to find specified qdisc.\n', 2);
      const kind = args.slice(j + 2).find((w, i, ws) => !['handle', 'estimator', 'stab'].includes(w) && !['handle', 'estimator', 'stab'].includes(ws[i - 1] ?? ''));
      if (kind !== undefined && !l.ns.host.lab.kernel.qdiscs.includes(kind)) return fail('Error: Specified qdisc kind is unknown.\n', 2);
    }
    // a child or ingress qdisc the kernel may have made: what tc shows of the device is its own from now on
    unknownQdisc.add(l);
    return unsupported(`tc qdisc ${notModelled}`);
  }
  if (!root) return unsupported('tc qdisc without root');
  const kind = args[j];
  const opts = args.slice(j + 1);
  if (cmd === 'del' || cmd === 'delete') {
    // tc parses the options of a kind it is given even to delete (tbf's mandatory ones fail there)
    if (kind !== undefined && MODELLED.includes(kind) && l.ns.host.lab.kernel.qdiscs.includes(kind)) {
      try {
        if (kind === 'tbf') parseTbf(opts);
        else if (kind === 'htb') parseHtbQdisc(opts, l.txqlen);
        else parseNetem(opts, freshNetem());
      } catch (e) {
        if (!(e instanceof TcParseError)) throw e;
        if (e.exit === 1) return e.notModelled ? unsupported(e.stderr) : fail(e.stderr, 1);
      }
    }
    // tc_get_qdisc checks the kind named against the root's before it looks at the handle
    if (kind !== undefined && kind !== l.qdisc?.kind) {
      // a default root (noop, noqueue, pfifo_fast …, as the device and default_qdisc have it) is none of these
      if (!l.qdisc && !MODELLED.includes(kind)) return unsupported(`tc qdisc del of kind ${kind} from a default root`);
      return fail('Error: Invalid qdisc name: must match existing qdisc.\n', 2);
    }
    if (!l.qdisc) return fail('Error: Cannot delete qdisc with handle of zero.\n', 2);
    delete l.qdisc;
    l.ns.touch();
    return ok();
  }
  if (kind === undefined) return unsupported('tc qdisc without a kind');
  if (!l.ns.host.lab.kernel.qdiscs.includes(kind)) return fail('Error: Specified qdisc kind is unknown.\n', 2);
  if (!MODELLED.includes(kind)) {
    // the kernel has set a qdisc the model does not know: what tc shows of the device is its own from now on
    unknownQdisc.add(l);
    return unsupported(`tc qdisc ${kind}`);
  }
  const change = cmd === 'change' || cmd === 'chg';
  try {
    // tc's own parse comes first (its refusals before any of the kernel's)
    made(l, kind, opts, undefined, 0);
  } catch (e) {
    if (!(e instanceof TcParseError)) throw e;
    if (e.notModelled || e.exit === 1) return e.notModelled ? unsupported(e.stderr) : fail(e.stderr, 1);
  }
  // tc_modify_qdisc on the root: tc's flags are add = CREATE|EXCL, change = none, replace = CREATE|REPLACE
  const cur = l.qdisc;
  let same: Qdisc | undefined = cur;
  if (!cur || handle === null || cur.handle !== handle) {
    if (handle !== null) {
      if (cur && cmd !== 'replace') return fail('Error: NLM_F_REPLACE needed to override.\n', 2);
      // no qdisc of that handle on the device (only the root is modelled): a new one is grafted
      same = undefined;
    } else if (!cur) {
      if (change) return unsupported('tc qdisc change of a default qdisc');
      same = undefined;
    } else if (cmd === 'replace' && kind !== cur.kind) same = undefined;
  }
  if (same) {
    if (cmd === 'add') return fail('Error: Exclusivity flag on, cannot modify.\n', 2);
    if (kind !== same.kind) return fail('Error: Invalid qdisc name.\n', 2);
    // htb's ops have no change (qdisc_change)
    if (kind === 'htb') return fail('Error: Change operation not supported by specified qdisc.\n', 2);
  }
  let q: Qdisc;
  try {
    q = made(l, kind, opts, same, handle);
  } catch (e) {
    if (!(e instanceof TcParseError)) throw e;
    return e.notModelled ? unsupported(e.stderr) : fail(e.stderr, e.exit);
  }
  l.qdisc = q;
  l.ns.touch();
  return ok();
}

/** The root qdisc a request makes, or `same` changed by it. */
function made(l: Link, kind: string, opts: string[], same: Qdisc | undefined, handle: number | null): Qdisc {
  const base = { handle: same?.handle ?? handle ?? nextHandle(l), stats: same?.stats ?? freshStats() };
  if (kind === 'netem') {
    // netem_change takes every setting from the request (tc sends defaults for those not named)
    // but the rate, whose attribute is sent only when named
    const netem = parseNetem(opts, { ...freshNetem(), rateBps: same?.kind === 'netem' ? same.netem.rateBps : 0 });
    return { ...base, kind: 'netem', netem, busyUntilUs: same?.busyUntilUs };
  }
  if (kind === 'tbf') {
    const tbf = parseTbf(opts);
    const bufferNs = tbf.bufferTicks * 64;
    // tbf_change refills the bucket to the new depth
    return { ...base, kind: 'tbf', tbf, bucket: { bufferNs, tokensNs: bufferNs, lastUs: 0 }, backlog: same?.kind === 'tbf' ? same.backlog : [] };
  }
  const g = parseHtbQdisc(opts, l.txqlen);
  return { ...base, kind: 'htb', htb: { ...g, directPackets: 0, classes: [], filters: [] } };
}

/** tc_qdisc_list / print_qdisc, the device's root qdisc only. */
function show(ctx: CmdContext, args: string[], stats: boolean): CommandResult {
  let dev: string | null = null;
  for (let j = 0; j < args.length; j++) {
    if (args[j] === 'dev') dev = args[++j] ?? null;
    else return unsupported(`tc qdisc show ${args[j]}`);
  }
  let links: Link[];
  if (dev !== null) {
    const l = ctx.ns.linkByName(dev);
    if (!l) return fail(`Cannot find device "${dev}"\n`, 1);
    links = [l];
  } else links = [...ctx.ns.linkList()].sort((a, b) => a.ifindex - b.ifindex);
  let out = '';
  for (const l of links) {
    const where = dev === null ? `dev ${l.name} ` : '';
    if (unknownQdisc.has(l)) return unsupported(`tc qdisc show of ${l.name}, whose qdisc the simulator does not model`);
    const q = l.qdisc;
    // a grafted root qdisc: one reference for the device, one per transmit queue (UML's one
    // CPU gives a veth one queue); the noqueue root shows 2 whatever the queues (6.18 here)
    const refcnt = q ? 1 + (l.ns.host.lab.kernel.rps === false ? 1 : KINDS[l.kind].queues) : 2;
    let root = '';
    if (q) root = `qdisc ${q.kind} ${q.handle.toString(16)}: ${where}root refcnt ${refcnt} ${q.kind === 'netem' ? printNetem(q.netem) : q.kind === 'tbf' ? printTbf(q.tbf) : printHtbQdisc(q.htb)}\n`;
    else if (l.kind === 'ifb') {
      // ifb's default root once opened: pfifo_fast (net.core.default_qdisc) on its one queue
      if (l.everUp && stats) return unsupported(`tc -s qdisc show of ${l.name}'s pfifo_fast`);
      if (l.everUp) root = `qdisc pfifo_fast 0: ${where}root refcnt 2 bands 3 priomap 1 2 2 2 1 2 0 0 1 1 1 1 1 1 1 1\n`;
    } else if (KINDS[l.kind].queued) return unsupported(`tc qdisc show of ${l.name}'s default qdisc`);
    // a device never opened has the built-in noop qdisc, which a dump leaves out (tc_qdisc_dump_ignore)
    else if (l.everUp) root = `qdisc noqueue 0: ${where}root refcnt ${refcnt} \n`;
    if (root) {
      out += root;
      if (stats) {
        const s = q?.stats ?? freshStats();
        out += ` Sent ${s.bytes} bytes ${s.packets} pkt (dropped ${s.dropped}, overlimits ${s.overlimits} requeues 0) \n backlog 0b 0p requeues 0\n`;
      }
    }
    if (l.ingress) {
      // the ingress qdisc's counters count what it classified (IPv6 chatter included): not modelled
      if (stats) return unsupported(`tc -s qdisc show of ${l.name}'s ${l.ingress.kind} qdisc`);
      out += ingressLine(l, where);
    }
  }
  return ok(out);
}
