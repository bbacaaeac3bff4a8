/**
 * IPv4 sysctls (net/ipv4/devinet.c devinet_sysctl_forward, sysctl_net_ipv4.c). Writing
 * `all.forwarding` (or `ip_forward`) sets forwarding on `default` and every interface too.
 */
import type { Netns } from '../model/netns.js';
import { CONF_KEYS, type IfConf } from '../model/sysctl.js';
import { OpError } from './errors.js';
import type { OpContext } from './context.js';
import type { SysctlSetOp } from './op.js';

export type SysctlTarget =
  | { kind: 'forward' }
  | { kind: 'conf'; scope: 'all' | 'default' | string; key: keyof IfConf };

/** Parses `net.ipv4.ip_forward`, `net/ipv4/conf/all/rp_filter` …; null for keys not modelled. */
export function sysctlTarget(key: string): SysctlTarget | null {
  const k = key.replace(/\//g, '.');
  if (k === 'net.ipv4.ip_forward') return { kind: 'forward' };
  const m = /^net\.ipv4\.conf\.([^.]+)\.([a-z_]+)$/.exec(k);
  if (m && (CONF_KEYS as string[]).includes(m[2])) return { kind: 'conf', scope: m[1], key: m[2] as keyof IfConf };
  return null;
}

function confOf(ns: Netns, scope: string): IfConf | null {
  if (scope === 'all') return ns.all;
  if (scope === 'default') return ns.default;
  return ns.linkByName(scope)?.conf ?? null;
}

/** The value `sysctl KEY` prints, or null when the key does not exist in this namespace. */
export function readSysctl(ns: Netns, key: string): string | null {
  const t = sysctlTarget(key);
  if (!t) return null;
  if (t.kind === 'forward') return String(ns.all.forwarding);
  const c = confOf(ns, t.scope);
  return c ? String(c[t.key]) : null;
}

function setForwarding(ns: Netns, v: number): void {
  ns.all.forwarding = v;
  ns.default.forwarding = v;
  for (const l of ns.linkList()) l.conf.forwarding = v;
}

export function applySysctlSet(ctx: OpContext, op: SysctlSetOp): void {
  const ns = ctx.ns;
  const t = sysctlTarget(op.key);
  const path = `/proc/sys/${op.key.replace(/\./g, '/')}`;
  if (!t) throw new OpError(`sysctl: cannot stat ${path}: No such file or directory\n`, 1, 'no-key');
  if (!/^\s*-?\d+\s*$/.test(op.value)) throw new OpError(`sysctl: setting key "${op.key}": Invalid argument\n`, 1, 'invalid');
  const v = parseInt(op.value, 10);
  // The kernel stores the integer as written (ip_forward=2 reads back 2); any non-zero forwards.
  if (t.kind === 'forward' || (t.key === 'forwarding' && t.scope === 'all')) {
    setForwarding(ns, v);
    ns.touch();
    return;
  }
  const c = confOf(ns, t.scope);
  if (!c) throw new OpError(`sysctl: cannot stat ${path}: No such file or directory\n`, 1, 'no-key');
  c[t.key] = v;
  ns.touch();
}
