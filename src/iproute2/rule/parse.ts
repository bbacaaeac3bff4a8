/**
 * `ip rule` (ip/iprule.c of iproute2 6.1.0): add/delete through iprule_modify(), show.
 * The model keeps rules by priority, table, from/to prefixes, iif/oif and the action.
 */
import type { Rule6Op, RuleAddOp } from '../../ops/op.js';
import { Argv, checkIfname, exitWith, getPrefix, getU32, getInteger, invarg, matches, notModelled } from '../args.js';
import { dsfieldA2n, RTN, rtntypeA2n, rtprotA2n, rttableA2n } from '../names.js';
import { Gaps, donePlan, opsPlan, showPlan, type IpPlan } from '../plan.js';
import { renderRules, type RuleFilter } from '../renderers.js';
import { ruleSelected } from './render.js';
import type { CmdContext, IpGlobals } from '../types.js';
import { RULE_USAGE } from '../usage.js';

/** Rule actions (FR_ACT_*) the model has, by the number rtnl_rtntype_a2n gives. */
const ACTIONS: Record<number, RuleAddOp['action']> = {
  1: 'lookup',
  [RTN.blackhole]: 'blackhole',
  [RTN.unreachable]: 'unreachable',
  [RTN.prohibit]: 'prohibit',
};

/** iprule_modify(). */
function ruleModify(_ctx: CmdContext, g: IpGlobals, argv: string[], del: boolean): IpPlan {
  if (argv.length === 0) exitWith(del ? '"ip rule del" requires arguments.\n' : '"ip rule add" requires arguments.\n', 1);
  const gaps = new Gaps();
  const op: RuleAddOp = { op: 'rule.add', del, priority: null, table: null, src: null, dst: null, iif: null, oif: null, action: 'lookup' };
  let tableOk = false;
  let actionGiven = false;
  // `-6`, or a selector that is an IPv6 prefix: the request goes to the IPv6 rules
  let v6 = g.family === 'inet6';
  let src6: { addr: bigint; len: number } | null = null;
  let dst6: { addr: bigint; len: number } | null = null;
  const a = new Argv(argv);
  while (a.more) {
    const arg = a.cur;
    if (arg === 'not') {
      op.not = true;
    } else if (arg === 'from' || arg === 'to') {
      const p = getPrefix(a.next(), g.family, { v6: true });
      if (p.family === 'inet6') {
        const sel6 = p.len === 0 ? null : { addr: p.addr6 ?? 0n, len: p.len };
        if (arg === 'from') src6 = sel6;
        else dst6 = sel6;
        v6 = true;
      } else {
        const sel = p.len === 0 ? null : { addr: p.addr, len: p.len };
        if (arg === 'from') op.src = sel;
        else op.dst = sel;
      }
    } else if (matches(arg, 'preference') || matches(arg, 'order') || matches(arg, 'priority')) {
      const v = a.next();
      const n = getU32(v);
      if (n === null) invarg('preference value is invalid\n', v);
      op.priority = n;
    } else if (arg === 'tos' || matches(arg, 'dsfield')) {
      const v = a.next();
      const tos = dsfieldA2n(v);
      if (tos === null) invarg('TOS value is invalid\n', v);
      op.tos = tos;
    } else if (arg === 'fwmark') {
      const v = a.next();
      const [mark, mask] = v.split('/', 2);
      const m = getU32(mark);
      if (m === null) invarg('fwmark value is invalid\n', mark);
      op.fwmark = m;
      if (mask !== undefined) {
        const k = getU32(mask);
        if (k === null) invarg('fwmask value is invalid\n', mask);
        op.fwmask = k;
      }
    } else if (matches(arg, 'realms')) {
      a.next();
      notModelled('rule realms');
    } else if (matches(arg, 'protocol')) {
      const v = a.next();
      if (rtprotA2n(v) === null) invarg('"protocol" value is invalid\n', v);
      gaps.add('rule protocol');
    } else if (matches(arg, 'tun_id')) {
      a.next();
      notModelled('rule tun_id');
    } else if (matches(arg, 'table') || arg === 'lookup') {
      const v = a.next();
      const t = rttableA2n(v);
      if (t === null) invarg('invalid table ID\n', v);
      op.table = t;
      tableOk = true;
    } else if (matches(arg, 'suppress_prefixlength') || arg === 'sup_pl') {
      const v = a.next();
      const n = getInteger(v);
      if (n === null || n < 0) invarg('suppress_prefixlength value is invalid\n', v);
      op.suppressPrefixlen = n;
    } else if (matches(arg, 'suppress_ifgroup') || arg === 'sup_group') {
      a.next();
      notModelled('rule suppress_ifgroup');
    } else if (arg === 'dev' || arg === 'iif') {
      const v = a.next();
      if (!checkIfname(v)) invarg('"iif"/"dev" not a valid ifname', v);
      op.iif = v;
    } else if (arg === 'oif') {
      const v = a.next();
      if (!checkIfname(v)) invarg('"oif" not a valid ifname', v);
      op.oif = v;
    } else if (arg === 'l3mdev' || arg === 'uidrange' || arg === 'nat' || matches(arg, 'map-to') || arg === 'ipproto' || arg === 'sport' || arg === 'dport') {
      notModelled(`rule ${arg}`);
    } else {
      let v = arg;
      if (v === 'type') v = a.next();
      if (matches(v, 'help')) exitWith(RULE_USAGE, 255);
      if (matches(v, 'goto')) {
        const t = a.next();
        const target = getU32(t);
        if (target === null) invarg('invalid target\n', t);
        op.action = 'goto';
        op.goto = target;
        actionGiven = true;
      } else if (matches(v, 'nop')) {
        op.action = 'nop';
        actionGiven = true;
      } else {
        const t = rtntypeA2n(v);
        if (t === null) invarg('Failed to parse rule type', v);
        if (ACTIONS[t]) op.action = ACTIONS[t];
        else gaps.add(`rule action ${t}`);
        actionGiven = true;
      }
      tableOk = true;
    }
    a.step();
  }
  if (!tableOk && !del) op.table = 254;
  if (!del && actionGiven && op.action === 'lookup' && op.table === null) gaps.add('rule lookup without a table');
  if (del && actionGiven) op.actionGiven = true;
  if (gaps.any) notModelled(`ip rule ${del ? 'delete' : 'add'}: ${gaps.text()}`);
  if (v6) {
    // an IPv6 rule's tos is the traffic class, which the model's IPv6 flows do not carry
    if (op.tos !== undefined) notModelled('ip -6 rule tos');
    const { tos: _t, action, ...rest } = op;
    return opsPlan([{ ...rest, action: action as Rule6Op['action'], op: 'rule6.add', src: src6, dst: dst6 } satisfies Rule6Op]);
  }
  return opsPlan([op]);
}

/**
 * iprule_list_flush_or_save(): `ip rule show|flush` selectors. The model's renderer filters by
 * priority, table, iif and oif; the other selectors are read, checked and not modelled.
 */
function ruleFilter(g: IpGlobals, argv: string[], what: string): RuleFilter {
  const gaps = new Gaps();
  const f: RuleFilter = {};
  const a = new Argv(argv);
  while (a.more) {
    const arg = a.cur;
    if (matches(arg, 'preference') || matches(arg, 'order') || matches(arg, 'priority')) {
      const v = a.next();
      const n = getU32(v);
      if (n === null) invarg('preference value is invalid\n', v);
      f.priority = n;
    } else if (arg === 'not') {
      gaps.add('rule show not');
    } else if (arg === 'tos' || arg === 'dsfield') {
      const v = a.next();
      if (dsfieldA2n(v) === null) invarg('TOS value is invalid\n', v);
      gaps.add('rule show tos');
    } else if (arg === 'fwmark') {
      const v = a.next();
      const [mark, mask] = v.split('/', 2);
      if (getU32(mark) === null) invarg('fwmark value is invalid\n', mark);
      if (mask !== undefined && getU32(mask) === null) invarg('fwmask value is invalid\n', mask);
      gaps.add('rule show fwmark');
    } else if (arg === 'dev' || arg === 'iif') {
      const v = a.next();
      if (!checkIfname(v)) invarg('"iif"/"dev" not a valid ifname', v);
      f.iif = v;
    } else if (arg === 'oif') {
      const v = a.next();
      if (!checkIfname(v)) invarg('"oif" not a valid ifname', v);
      f.oif = v;
    } else if (arg === 'l3mdev' || arg === 'uidrange' || matches(arg, 'tun_id') || arg === 'ipproto' || arg === 'sport' || arg === 'dport') {
      notModelled(`ip rule show ${arg}`);
    } else if (matches(arg, 'lookup') || matches(arg, 'table')) {
      const v = a.next();
      const t = rttableA2n(v);
      if (t === null) invarg('table id value is invalid\n', v);
      f.table = t;
    } else if (matches(arg, 'from') || matches(arg, 'src')) {
      getPrefix(a.next(), g.family);
      gaps.add('rule show from');
    } else if (matches(arg, 'protocol')) {
      const v = a.next();
      if (rtprotA2n(v) === null && v !== 'all') invarg('invalid "protocol"\n', v);
      gaps.add('rule show protocol');
    } else {
      let v = arg;
      if (matches(v, 'dst') || matches(v, 'to')) v = a.next();
      getPrefix(v, g.family);
      gaps.add('rule show to');
    }
    a.step();
  }
  if (g.color) gaps.add('colored output');
  if (gaps.any) notModelled(`ip rule ${what}: ${gaps.text()}`);
  return f;
}

function ruleShow(ctx: CmdContext, g: IpGlobals, argv: string[]): IpPlan {
  const f = ruleFilter(g, argv, 'show');
  return showPlan(() => renderRules(ctx, g, f));
}

/**
 * `ip rule flush`: iproute2 dumps the rules and sends each one that carries a priority back as
 * a delete (the kernel leaves FRA_PRIORITY out for priority 0: `from all lookup local` and any
 * other rule at 0 stay).
 */
function ruleFlush(ctx: CmdContext, g: IpGlobals, argv: string[]): IpPlan {
  const f = ruleFilter(g, argv, 'flush');
  if (g.family === 'inet6') {
    const ops: Rule6Op[] = ctx.ns.inet6.rules
      .filter((r) => r.priority !== 0 && ruleSelected(r, f))
      .map((r) => ({
        op: 'rule6.add',
        del: true,
        priority: r.priority,
        table: r.table,
        src: r.src,
        dst: r.dst,
        iif: r.iif,
        oif: r.oif,
        action: r.action,
        actionGiven: true,
        ...(r.suppressPrefixlen !== undefined ? { suppressPrefixlen: r.suppressPrefixlen } : {}),
        ...(r.fwmask ? { fwmark: r.fwmark ?? 0, fwmask: r.fwmask } : {}),
      }));
    return opsPlan(ops);
  }
  const ops: RuleAddOp[] = ctx.ns.rules
    .filter((r) => r.priority !== 0 && ruleSelected(r, f))
    .map((r) => ({
      op: 'rule.add',
      del: true,
      priority: r.priority,
      table: r.table,
      src: r.src,
      dst: r.dst,
      iif: r.iif,
      oif: r.oif,
      action: r.action,
      actionGiven: true,
      ...(r.suppressPrefixlen !== undefined ? { suppressPrefixlen: r.suppressPrefixlen } : {}),
      ...(r.fwmask ? { fwmark: r.fwmark ?? 0, fwmask: r.fwmask } : {}),
      ...(r.tos ? { tos: r.tos } : {}),
    }));
  return opsPlan(ops);
}

/** do_iprule(). */
export function parseRule(ctx: CmdContext, g: IpGlobals, argv: string[]): IpPlan {
  if (argv.length === 0) return ruleShow(ctx, g, []);
  const [cmd, ...rest] = argv;
  if (matches(cmd, 'list') || matches(cmd, 'lst') || matches(cmd, 'show')) return ruleShow(ctx, g, rest);
  if (matches(cmd, 'save') || matches(cmd, 'restore')) notModelled(`ip rule ${cmd}`);
  if (matches(cmd, 'add')) return ruleModify(ctx, g, rest, false);
  if (matches(cmd, 'delete')) return ruleModify(ctx, g, rest, true);
  if (matches(cmd, 'flush')) return ruleFlush(ctx, g, rest);
  if (matches(cmd, 'help')) exitWith(RULE_USAGE, 255);
  return donePlan({ exit: 255, stdout: '', stderr: `Command "${cmd}" is unknown, try "ip rule help".\n` });
}
