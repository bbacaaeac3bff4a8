/**
 * tc (iproute2 6.1.0) as the simulator runs it: `tc [-s] qdisc add|change|replace|del|show`
 * for a device's root netem (src/model/qdisc.ts; sim/netem.ts applies it to what the device
 * sends). Other objects (class, filter, action), other qdisc kinds the kernel has, and the
 * devices whose default qdisc is not noqueue are reported as not modelled; a qdisc kind the
 * modelled kernel lacks gets its answer ("Specified qdisc kind is unknown").
 */
import { KINDS } from '../../model/kinds/index.js';
import type { Link } from '../../model/link.js';
import { freshNetem, type Qdisc } from '../../model/qdisc.js';
import { fail, ok, unsupported, type CmdContext, type CommandResult } from '../../iproute2/types.js';
import { parseNetem, printNetem, TcParseError } from './netem.js';

/** Devices a qdisc the model does not make was given to (tbf, htb …), by a line reported as not modelled. */
const unknownQdisc = new WeakSet<Link>();

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
  if (obj === undefined || !'qdisc'.startsWith(obj)) return unsupported(`tc ${obj ?? ''}`.trim());
  const cmd = argv[i + 1] ?? 'show';
  const rest = argv.slice(i + 2);
  if (['show', 'list', 'ls'].includes(cmd)) return show(ctx, rest, stats);
  if (['add', 'change', 'chg', 'replace', 'del', 'delete'].includes(cmd)) return modify(ctx, cmd, rest);
  return unsupported(`tc qdisc ${cmd}`);
}

function modify(ctx: CmdContext, cmd: string, args: string[]): CommandResult {
  let dev: string | null = null;
  let root = false;
  let handle: number | null = null;
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
    } else if (a === 'parent' || a === 'ingress' || a === 'clsact' || a === 'estimator' || a === 'stab') return unsupported(`tc qdisc ${a}`);
    else break;
  }
  if (dev === null) return unsupported('tc qdisc without dev');
  const l = ctx.ns.linkByName(dev);
  if (!l) return fail(`Cannot find device "${dev}"\n`, 1);
  if (!root) return unsupported('tc qdisc without root');
  const kind = args[j];
  const opts = args.slice(j + 1);
  if (cmd === 'del' || cmd === 'delete') {
    // tc_get_qdisc checks the kind named against the root's before it looks at the handle
    if (kind !== undefined && kind !== l.qdisc?.kind) {
      // a default root (noop, noqueue, pfifo_fast …, as the device and default_qdisc have it) is never netem
      if (!l.qdisc && kind !== 'netem') return unsupported(`tc qdisc del of kind ${kind} from a default root`);
      return fail('Error: Invalid qdisc name: must match existing qdisc.\n', 2);
    }
    if (!l.qdisc) return fail('Error: Cannot delete qdisc with handle of zero.\n', 2);
    delete l.qdisc;
    l.ns.touch();
    return ok();
  }
  if (kind === undefined) return unsupported('tc qdisc without a kind');
  if (!l.ns.host.lab.kernel.qdiscs.includes(kind)) return fail('Error: Specified qdisc kind is unknown.\n', 2);
  if (kind !== 'netem') {
    // the kernel has set a qdisc the model does not know: what tc shows of the device is its own from now on
    unknownQdisc.add(l);
    return unsupported(`tc qdisc ${kind}`);
  }
  const change = cmd === 'change' || cmd === 'chg';
  if (change && !l.qdisc) return unsupported('tc qdisc change of a default qdisc');
  if (cmd === 'add' && l.qdisc) return fail('Error: Exclusivity flag on, cannot modify.\n', 2);
  let netem: Qdisc['netem'];
  try {
    // netem_change takes every setting from the request (tc sends defaults for those not named)
    // but the rate, whose attribute is sent only when named
    netem = parseNetem(opts, { ...freshNetem(), rateBps: l.qdisc?.netem.rateBps ?? 0 });
  } catch (e) {
    if (!(e instanceof TcParseError)) throw e;
    return e.notModelled ? unsupported(e.stderr) : fail(e.stderr, 1);
  }
  if (l.qdisc) l.qdisc.netem = netem;
  else l.qdisc = { kind: 'netem', handle: handle ?? nextHandle(l), netem, stats: { bytes: 0, packets: 0, dropped: 0 } };
  l.ns.touch();
  return ok();
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
    if (q) out += `qdisc netem ${q.handle.toString(16)}: ${where}root refcnt ${refcnt} ${printNetem(q.netem)}\n`;
    else if (KINDS[l.kind].queued) return unsupported(`tc qdisc show of ${l.name}'s default qdisc`);
    // a device never opened has the built-in noop qdisc, which a dump leaves out (tc_qdisc_dump_ignore)
    else if (!l.everUp) continue;
    else out += `qdisc noqueue 0: ${where}root refcnt ${refcnt} \n`;
    if (stats) {
      const s = q?.stats ?? { bytes: 0, packets: 0, dropped: 0 };
      out += ` Sent ${s.bytes} bytes ${s.packets} pkt (dropped ${s.dropped}, overlimits 0 requeues 0) \n backlog 0b 0p requeues 0\n`;
    }
  }
  return ok(out);
}
