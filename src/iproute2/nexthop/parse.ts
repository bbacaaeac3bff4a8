/**
 * `ip nexthop` (ip/ipnexthop.c of iproute2 6.1.0): add/replace/del through ipnh_modify (one
 * parser for all three: `del` sends whatever was given, and the kernel refuses the extras),
 * show/flush through ipnh_list_flush, get through ipnh_get. The address family checks iproute2
 * leaves to the kernel (a group with a device, a nexthop with nothing) are the kernel's words.
 */
import { nexthopsInOrder, type Nexthop } from '../../model/nexthop.js';
import { kernelError } from '../../ops/errors.js';
import type { NexthopAddOp, NexthopDelOp } from '../../ops/op.js';
import { Argv, exitWith, getAddr, getU32, invarg, llNameToIndex, matches, notModelled, readFamily, type Family } from '../args.js';
import { rtprotA2n } from '../names.js';
import { donePlan, opsPlan, showPlan, type IpPlan } from '../plan.js';
import { Printer } from '../print.js';
import type { CmdContext, CommandResult, IpGlobals } from '../types.js';
import { printNexthop } from './print.js';

export const NEXTHOP_USAGE = `Usage: ip nexthop { list | flush } [ protocol ID ] SELECTOR
       ip nexthop { add | replace } id ID NH [ protocol ID ]
       ip nexthop { get | del } id ID
       ip nexthop bucket list BUCKET_SELECTOR
       ip nexthop bucket get id ID index INDEX
SELECTOR := [ id ID ] [ dev DEV ] [ vrf NAME ] [ master DEV ]
            [ groups ] [ fdb ]
BUCKET_SELECTOR := SELECTOR | [ nhid ID ]
NH := { blackhole | [ via ADDRESS ] [ dev DEV ] [ onlink ]
        [ encap ENCAPTYPE ENCAPHDR ] |
        group GROUP [ fdb ] [ type TYPE [ TYPE_ARGS ] ] }
GROUP := [ <id[,weight]>/<id[,weight]>/... ]
TYPE := { mpath | resilient }
TYPE_ARGS := [ RESILIENT_ARGS ]
RESILIENT_ARGS := [ buckets BUCKETS ] [ idle_timer IDLE ]
                  [ unbalanced_timer UNBALANCED ]
ENCAPTYPE := [ mpls ]
ENCAPHDR := [ MPLSLABEL ]
`;

function usage(): never {
  exitWith(NEXTHOP_USAGE, 255);
}

/** add_nh_group_attr: `1/2,3/…`, ids with optional weights. */
function parseGroup(v: string): { id: number; weight: number }[] | null {
  if (v === '') return null;
  const out: { id: number; weight: number }[] = [];
  for (const part of v.split('/')) {
    const [idText, w] = part.split(',', 2) as [string, string | undefined];
    const id = getU32(idText);
    if (id === null) return null;
    let weight = 1;
    if (w !== undefined) {
      const n = getU32(w);
      if (n === null || n === 0 || n > 256) invarg('"weight" is invalid\n', w);
      weight = n;
    }
    out.push({ id, weight });
  }
  return out;
}

interface Request {
  id: number | null;
  family: Family;
  dev: string | null;
  gateway: number | null;
  onlink: boolean;
  blackhole: boolean;
  protocol: number;
  group: { id: number; weight: number }[] | null;
}

/** ipnh_modify's parse: every attribute the request would carry. */
function parseRequest(ctx: CmdContext, g: IpGlobals, argv: string[]): Request {
  const q: Request = { id: null, family: g.family, dev: null, gateway: null, onlink: false, blackhole: false, protocol: 0, group: null };
  const a = new Argv(argv);
  for (; a.more; a.step()) {
    const arg = a.cur;
    if (arg === 'id') {
      const v = a.next();
      const id = getU32(v);
      if (id === null) invarg('invalid id value', v);
      q.id = id;
    } else if (arg === 'dev') {
      const v = a.next();
      if (!llNameToIndex(ctx.ns, v)) invarg('Device does not exist\n', v);
      q.dev = v;
      if (q.family === null) q.family = 'inet';
    } else if (arg === 'via') {
      let v = a.next();
      const fam = readFamily(v);
      if (fam !== undefined && fam !== null) v = a.next();
      const p = getAddr(v, fam ?? q.family);
      if (q.family === null) q.family = p.family;
      else if (q.family !== p.family) invarg('address family mismatch\n', v);
      q.gateway = p.addr;
    } else if (arg === 'blackhole') {
      q.blackhole = true;
      if (q.family === null) q.family = 'inet';
    } else if (arg === 'onlink') {
      q.onlink = true;
    } else if (arg === 'group') {
      const v = a.next();
      const grp = parseGroup(v);
      if (!grp) invarg('"group" value is invalid\n', v);
      q.group = grp;
    } else if (matches(arg, 'protocol')) {
      const v = a.next();
      const p = rtprotA2n(v);
      if (p === null) invarg('"protocol" value is invalid\n', v);
      q.protocol = p;
    } else if (arg === 'encap' || arg === 'fdb' || arg === 'type') {
      notModelled(`ip nexthop ${arg}`);
    } else if (arg === 'help') {
      usage();
    } else {
      invarg('', arg);
    }
  }
  if (q.family === 'inet6') notModelled('IPv6 nexthops');
  return q;
}

/** rtm_to_nh_config's first checks, which need no state: the family, a group's. */
function familyChecks(q: Request): void {
  if (q.group) {
    if (q.family !== null) throw kernelError('Invalid family for group');
    return;
  }
  if (q.family === null) throw kernelError('Invalid address family');
  if (q.blackhole && (q.gateway !== null || q.dev !== null)) throw kernelError('Blackhole attribute can not be used with gateway, oif, encap or fdb');
  if (!q.blackhole && q.onlink && q.gateway === null) throw kernelError('ONLINK flag can not be set for nexthop without a gateway');
}

function modify(ctx: CmdContext, g: IpGlobals, argv: string[], replace: boolean): IpPlan {
  const q = parseRequest(ctx, g, argv);
  try {
    familyChecks(q);
  } catch (e) {
    return donePlan({ exit: 2, stdout: '', stderr: (e as { stderr: string }).stderr });
  }
  const op: NexthopAddOp = { op: 'nexthop.add', replace, id: q.id, dev: q.dev, gateway: q.gateway, onlink: q.onlink, blackhole: q.blackhole, protocol: q.protocol, group: q.group };
  return opsPlan([op]);
}

function del(ctx: CmdContext, g: IpGlobals, argv: string[]): IpPlan {
  const q = parseRequest(ctx, g, argv);
  // nh_valid_get_del_req: only NHA_ID may come
  if (q.dev !== null || q.gateway !== null || q.blackhole || q.group) return donePlan({ exit: 2, stdout: '', stderr: 'Error: Unknown attribute type.\n' });
  const op: NexthopDelOp = { op: 'nexthop.del', id: q.id };
  return opsPlan([op]);
}

interface Selector {
  dev: string | null;
  groups: boolean;
  protocol: number | null;
}

function selected(nh: Nexthop, s: Selector): boolean {
  if (s.protocol !== null && nh.protocol !== s.protocol) return false;
  if (s.groups && !nh.group) return false;
  if (s.dev !== null && nh.dev?.name !== s.dev) return false;
  return true;
}

/** ipnh_get_id: one nexthop, or ENOENT. */
function getId(ctx: CmdContext, g: IpGlobals, id: number): CommandResult {
  const nh = ctx.ns.nexthops.get(id);
  if (!nh) return { exit: 2, stdout: '', stderr: 'RTNETLINK answers: No such file or directory\n' };
  // new_json_obj: the answer is a list of one
  const p = new Printer(g.json, g.pretty);
  p.startList();
  printNexthop(p, nh, g.details);
  p.endList();
  return { exit: 0, stdout: p.output, stderr: '' };
}

/** ipnh_list_flush. */
function listFlush(ctx: CmdContext, g: IpGlobals, argv: string[], flush: boolean): IpPlan {
  const all = argv.length === 0;
  // the dump's family filter over groups and blackholes is not modelled
  if (g.family !== null) notModelled(`ip -f ${g.family} nexthop ${flush ? 'flush' : 'show'}`);
  const s: Selector = { dev: null, groups: false, protocol: null };
  const a = new Argv(argv);
  for (; a.more; a.step()) {
    const arg = a.cur;
    if (matches(arg, 'dev')) {
      const v = a.next();
      const l = llNameToIndex(ctx.ns, v);
      if (!l) invarg('Device does not exist\n', v);
      s.dev = l.name;
    } else if (matches(arg, 'groups')) {
      s.groups = true;
    } else if (matches(arg, 'master') || matches(arg, 'vrf') || matches(arg, 'fdb')) {
      notModelled(`ip nexthop ${flush ? 'flush' : 'show'} ${arg}`);
    } else if (arg === 'id') {
      const v = a.next();
      const id = getU32(v);
      if (id === null) invarg('invalid id value', v);
      return showPlan(() => getId(ctx, g, id));
    } else if (matches(arg, 'protocol')) {
      const v = a.next();
      const p = getU32(v);
      if (p === null) invarg('invalid protocol value', v);
      s.protocol = p;
    } else if (matches(arg, 'help')) {
      usage();
    } else {
      invarg('', arg);
    }
  }
  if (flush) return flushPlan(ctx, s, all);
  return showPlan(() => {
    const p = new Printer(g.json, g.pretty);
    p.startList();
    for (const nh of nexthopsInOrder(ctx.ns)) if (selected(nh, s)) printNexthop(p, nh, g.details);
    p.endList();
    return { exit: 0, stdout: p.output, stderr: '' };
  });
}

/**
 * ipnh_flush: one RTM_DELNEXTHOP per nexthop the dump selects (all of them: the groups first),
 * counting those deleted; a group that went with its last member before its turn is not.
 */
function flushPlan(ctx: CmdContext, s: Selector, all: boolean): IpPlan {
  const order = nexthopsInOrder(ctx.ns).filter((nh) => selected(nh, s));
  const list = all ? [...order.filter((nh) => nh.group), ...order.filter((nh) => !nh.group)] : order;
  const gone = new Set<Nexthop>();
  const ops: NexthopDelOp[] = [];
  for (const nh of list) {
    if (gone.has(nh)) continue;
    gone.add(nh);
    ops.push({ op: 'nexthop.del', id: nh.id });
    for (const grp of ctx.ns.nexthops.values()) if (grp.group && !gone.has(grp) && grp.group.every((m) => gone.has(m.nh))) gone.add(grp);
  }
  const plan = opsPlan(ops);
  if (plan.kind === 'ops') plan.stdout = ops.length ? `Flushed ${ops.length} nexthops\n` : 'Nothing to flush\n';
  return plan;
}

/** do_ipnh(). */
export function parseNexthop(ctx: CmdContext, g: IpGlobals, argv: string[]): IpPlan {
  if (argv.length === 0) return listFlush(ctx, g, [], false);
  const [cmd, ...rest] = argv as [string, ...string[]];
  if (matches(cmd, 'add')) return modify(ctx, g, rest, false);
  if (matches(cmd, 'replace')) return modify(ctx, g, rest, true);
  if (matches(cmd, 'delete')) return del(ctx, g, rest);
  if (matches(cmd, 'list') || matches(cmd, 'show') || matches(cmd, 'lst')) return listFlush(ctx, g, rest, false);
  if (matches(cmd, 'get')) {
    let id = 0;
    const a = new Argv(rest);
    for (; a.more; a.step()) {
      if (a.cur !== 'id') usage();
      const v = a.next();
      const n = getU32(v);
      if (n === null) invarg('invalid id value', v);
      id = n;
    }
    if (!id) usage();
    return showPlan(() => getId(ctx, g, id));
  }
  if (matches(cmd, 'flush')) return listFlush(ctx, g, rest, true);
  if (matches(cmd, 'bucket')) notModelled('ip nexthop bucket');
  if (matches(cmd, 'help')) usage();
  return donePlan({ exit: 255, stdout: '', stderr: `Command "${cmd}" is unknown, try "ip nexthop help".\n` });
}
