/**
 * `ip rule show` (ip/iprule.c print_rule): one line per rule, `PRIO:<TAB>SELECTOR ACTION`,
 * with no trailing space — `0:\tfrom all lookup local`. Without a family the IPv4 rules are
 * shown; `-6` the IPv6 ones (by default 0 local and 32766 main: IPv6 has no `default` rule).
 * `proto kernel` (the kernel's own rules) and `proto unspec` (rules from `ip rule add`) appear
 * only with -d. An `iif`/`oif` naming no device of the namespace is `[detached]`.
 */
import { ip4ToString } from '../../model/ip.js';
import type { Netns } from '../../model/netns.js';
import type { Rule } from '../../model/rule.js';
import type { Rule6 } from '../../model/ipv6/inet6-ns.js';
import { formatIp6 } from '../../model/ipv6/ip6.js';
import { dsfieldName, protoName, tableName } from '../names.js';
import { Printer } from '../print.js';
import type { CmdContext, CommandResult, IpGlobals } from '../types.js';

/** `ip rule show` selectors the model supports (iprule_list_flush_or_save's filter). */
export interface RuleFilter {
  priority?: number | null;
  table?: number | null;
  iif?: string | null;
  oif?: string | null;
}

/** A rule of either family, as print_rule reads it. */
type AnyRule = Rule | Rule6;

function addrText(a: number | bigint): string {
  return typeof a === 'bigint' ? formatIp6(a) : ip4ToString(a);
}

function printRule(p: Printer, ns: Netns, r: AnyRule, details: number, hostLen: number): void {
  p.openObject();
  p.any('priority', `${r.priority}:\t`, r.priority);
  if ('not' in r && r.not) p.any('not', 'not ', null);
  if (r.src) {
    const a = addrText(r.src.addr);
    p.text('from ');
    p.any('src', a, a);
    if (r.src.len !== hostLen) p.any('srclen', `/${r.src.len}`, r.src.len);
  } else {
    p.any('src', 'from all', 'all');
  }
  if (r.dst) {
    const a = addrText(r.dst.addr);
    p.text(' to ');
    p.any('dst', a, a);
    if (r.dst.len !== hostLen) p.any('dstlen', `/${r.dst.len}`, r.dst.len);
  }
  if ('tos' in r && r.tos) {
    const t = dsfieldName(r.tos);
    p.any('tos', ` tos ${t}`, t);
  }
  if ('fwmask' in r && (r.fwmark || r.fwmask)) {
    // print_0xhex's %#llx: 0 stays 0
    const hex = (n: number) => (n ? `0x${n.toString(16)}` : '0');
    p.any('fwmark', ` fwmark ${hex(r.fwmark ?? 0)}`, hex(r.fwmark ?? 0));
    if (r.fwmask !== 0xffffffff) p.any('fwmask', `/${hex(r.fwmask ?? 0)}`, hex(r.fwmask ?? 0));
  }
  for (const [key, name] of [
    ['iif', r.iif],
    ['oif', r.oif],
  ] as const) {
    if (name === null) continue;
    p.text(` ${key} `);
    p.any(key, name, name);
    // FIB_RULE_IIF_DETACHED / OIF_DETACHED: the named device is not (or no longer) here
    if (!ns.linkByName(name)) p.any(`${key}_detached`, ' [detached]', null);
  }
  if (r.action === 'lookup' && r.table) {
    const t = tableName(r.table);
    p.any('table', ` lookup ${t}`, t);
  }
  // FRA_L3MDEV: the table is the flow's VRF's, named so
  if (r.l3mdev) p.any('l3mdev', ' lookup [l3mdev-table]', null);
  if ('suppressPrefixlen' in r && r.suppressPrefixlen !== undefined) p.any('suppress_prefixlen', ` suppress_prefixlength ${r.suppressPrefixlen}`, r.suppressPrefixlen);
  if (r.action === 'goto') {
    const target = (r as Rule).goto ?? 0;
    p.any('goto', ` goto ${target}`, target);
    // FIB_RULE_UNRESOLVED: no rule at the target priority (yet)
    const family: readonly AnyRule[] = hostLen === 128 ? ns.inet6.rules : ns.rules;
    if (!family.some((x) => x.priority === target)) p.any('unresolved', ' [unresolved]', null);
  } else if (r.action === 'nop') p.any('nop', ' nop', null);
  else if (r.action !== 'lookup') p.any('action', ` ${r.action}`, r.action);
  const proto = r.protocol ?? 0;
  if ((proto && proto !== 2) || details > 0) {
    const n = protoName(proto);
    p.any('protocol', ` proto ${n}`, n);
  }
  p.text('\n');
  p.closeObject();
}

/** filter_nlmsg's test of one rule against the `show`/`flush` selectors. */
export function ruleSelected(r: AnyRule, f: RuleFilter): boolean {
  if (f.priority != null && r.priority !== f.priority) return false;
  if (f.table != null && f.table > 0 && (r.action !== 'lookup' || r.table !== f.table)) return false;
  if (f.iif != null && r.iif !== f.iif) return false;
  if (f.oif != null && r.oif !== f.oif) return false;
  return true;
}

/**
 * `ip rule show`.
 *
 * @example
 * renderRules({ ns }, defaultGlobals()).stdout
 * // '0:\tfrom all lookup local\n32766:\tfrom all lookup main\n32767:\tfrom all lookup default\n'
 */
export function renderRules(ctx: CmdContext, g: IpGlobals, f: RuleFilter = {}): CommandResult {
  const v6 = g.family === 'inet6';
  const rules: AnyRule[] = v6 ? ctx.ns.inet6.rules : ctx.ns.rules;
  const p = new Printer(g.json, g.pretty);
  p.startList();
  for (const r of rules) if (ruleSelected(r, f)) printRule(p, ctx.ns, r, g.details, v6 ? 128 : 32);
  p.endList();
  return { exit: 0, stdout: p.output, stderr: '' };
}
