/**
 * IPv4 sysctls (net/ipv4/devinet.c devinet_conf_proc, devinet_sysctl_forward,
 * sysctl_net_ipv4.c). Writing `all.forwarding` (or `ip_forward`) sets forwarding on `default`
 * and every interface, and turns `all.accept_redirects` off (inet_forward_change). Writing a
 * `default` key copies it to every interface that never had that key written, nor any IPv4
 * address configured (devinet_copy_dflt_conf, ipv4_devconf_setall); forwarding and the keys
 * handled by ipv4_doint_and_flush (promote_secondaries, route_localnet …) are not copied.
 */
import type { Link } from '../model/link.js';
import type { Netns } from '../model/netns.js';
import { CONF_KEYS, READONLY_CONF_KEYS, UNCOPIED_CONF_KEYS, type IfConf } from '../model/sysctl.js';
import { IPV4_SYSCTL_NAMES } from '../model/sysctl-names.js';
import { sysctlDisplayName, sysctlKeyPath, sysctlSegments } from '../model/kernel-path.js';
import { OpError } from './errors.js';
import { BRIDGE_NF_DEFAULTS, nfState, type BridgeNfConf } from '../model/netfilter/state.js';
import { applySysctl6Set, classifySysctl6, idgenKey, readSysctl6, stableSecretScope, sysctl6Target } from './apply-sysctl6.js';
import type { OpContext } from './context.js';
import type { SysctlSetOp } from './op.js';

export type SysctlTarget =
  | { kind: 'forward' }
  | { kind: 'multipath'; key: 'seed' | 'policy' }
  | { kind: 'conf'; scope: 'all' | 'default' | string; key: keyof IfConf }
  | { kind: 'bridge'; key: keyof BridgeNfConf };

/**
 * Parses `net.ipv4.ip_forward`, `net/ipv4/conf/all/rp_filter`, `net.ipv4.conf.eth0/100.rp_filter`
 * (procps's two forms, kernel-path.ts); null for keys not modelled.
 */
export function sysctlTarget(key: string): SysctlTarget | null {
  const s = sysctlSegments(key);
  // br_netfilter's switches (built into the reference kernel): net.bridge.bridge-nf-*
  if (s && s.length === 3 && s[0] === 'net' && s[1] === 'bridge' && Object.hasOwn(BRIDGE_NF_DEFAULTS, s[2])) return { kind: 'bridge', key: s[2] as keyof BridgeNfConf };
  if (!s || s[0] !== 'net' || s[1] !== 'ipv4') return null;
  if (s.length === 3 && s[2] === 'ip_forward') return { kind: 'forward' };
  if (s.length === 3 && s[2] === 'fib_multipath_hash_seed') return { kind: 'multipath', key: 'seed' };
  if (s.length === 3 && s[2] === 'fib_multipath_hash_policy') return { kind: 'multipath', key: 'policy' };
  if (s.length === 5 && s[2] === 'conf' && (CONF_KEYS as string[]).includes(s[4])) return { kind: 'conf', scope: s[3], key: s[4] as keyof IfConf };
  return null;
}

/**
 * What the model makes of a key: `modelled` (sysctlTarget knows it; whether the device exists
 * is the namespace's business), `missing` (no such file on this kernel: "cannot stat"), or
 * `unmodelled` (it exists, or may, but the model does not hold it: reported, never guessed;
 * so is every key outside the allowlist of kernel-path.ts).
 *
 * @example
 * classifySysctl('net.ipv4.ipforward'); // 'missing'
 * classifySysctl('net.ipv4.tcp_syncookies'); // 'unmodelled'
 */
export function classifySysctl(key: string): 'modelled' | 'missing' | 'unmodelled' {
  if (sysctlTarget(key)) return 'modelled';
  if (sysctlSegments(key)?.[1] === 'ipv6') return classifySysctl6(key);
  const s = sysctlSegments(key);
  if (s && s[0] === 'net' && s[1] === 'bridge' && s.length === 3) return 'missing';
  if (!s || s[1] !== 'ipv4') return 'unmodelled';
  // a first-level name this kernel lacks, or conf/IFNAME/KEY with a KEY it lacks
  if (!IPV4_SYSCTL_NAMES.has(s[2])) return s.length === 3 ? 'missing' : 'unmodelled';
  return s[2] === 'conf' && s.length === 5 ? 'missing' : 'unmodelled';
}

/** A key whose file is read-only (0444): writing it fails before the value is read. */
export function isReadonlySysctl(key: string): boolean {
  const t = sysctlTarget(key);
  return t !== null && t.kind === 'conf' && READONLY_CONF_KEYS.has(t.key);
}

function confOf(ns: Netns, scope: string): IfConf | null {
  if (scope === 'all') return ns.all;
  if (scope === 'default') return ns.default;
  return ns.linkByName(scope)?.conf ?? null;
}

/** The value `sysctl KEY` prints, or null when the key does not exist in this namespace. */
export function readSysctl(ns: Netns, key: string): string | null {
  if (sysctl6Target(key) || idgenKey(key)) return readSysctl6(ns, key);
  const t = sysctlTarget(key);
  if (!t) return null;
  if (t.kind === 'forward') return String(ns.all.forwarding);
  if (t.kind === 'multipath') return String(ns.mpHash[t.key]);
  if (t.kind === 'bridge') return String(ns.nf?.bridge[t.key] ?? BRIDGE_NF_DEFAULTS[t.key]);
  const c = confOf(ns, t.scope);
  return c ? String(c[t.key]) : null;
}

/** inet_forward_change: default and every device follow all.forwarding; ICMP redirects are off while forwarding. */
function setForwarding(ns: Netns, v: number): void {
  const changed = ns.all.forwarding !== v;
  ns.all.forwarding = v;
  if (!changed) return;
  ns.all.accept_redirects = v ? 0 : 1;
  ns.default.forwarding = v;
  for (const l of ns.linkList()) setDevConf(l, 'forwarding', v);
}

/** IN_DEV_CONF_SET / devinet_conf_proc on a device: the value, and the key marked as written. */
function setDevConf(l: Link, key: keyof IfConf, v: number): void {
  l.conf[key] = v;
  l.confSet.add(key);
}

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

export function applySysctlSet(ctx: OpContext, op: SysctlSetOp): void {
  const ns = ctx.ns;
  if (sysctl6Target(op.key) || stableSecretScope(op.key) !== null || idgenKey(op.key)) {
    applySysctl6Set(ns, op.key, op.value);
    return;
  }
  const t = sysctlTarget(op.key);
  const path = sysctlKeyPath(op.key);
  if (!t) throw new OpError(`sysctl: cannot stat ${path}: No such file or directory\n`, 1, 'no-key');
  const invalid = new OpError(`sysctl: setting key "${sysctlDisplayName(op.key)}": Invalid argument\n`, 1, 'invalid');
  const c = t.kind === 'conf' ? confOf(ns, t.scope) : ns.all;
  if (!c) throw new OpError(`sysctl: cannot stat ${path}: No such file or directory\n`, 1, 'no-key');
  if (t.kind === 'multipath') {
    // proc_fib_multipath_hash_seed: a u32; the policy: proc_dointvec_minmax over 0..3
    const n = /^\s*\d+\s*$/.test(op.value) ? Number(op.value) : -1;
    if (n < 0 || n > (t.key === 'seed' ? 0xffffffff : 3)) throw invalid;
    ns.mpHash[t.key] = n;
    ns.touch();
    return;
  }
  // a 0444 file: sysctl reports the failed write but still exits 0 (a shell redirect: EACCES)
  if (t.kind === 'conf' && READONLY_CONF_KEYS.has(t.key)) throw new OpError(invalid.stderr, 0, 'readonly');
  // proc_dointvec: one decimal int
  if (!/^\s*-?\d+\s*$/.test(op.value)) throw invalid;
  const v = parseInt(op.value, 10);
  if (v < INT_MIN || v > INT_MAX) throw invalid;
  if (t.kind === 'bridge') {
    // brnf_sysctl_call_tables: any non-zero value is stored as 1
    nfState(ns).bridge[t.key] = v ? 1 : 0;
    nfState(ns).version++;
    ns.touch();
    return;
  }
  // The kernel stores the integer as written (ip_forward=2 reads back 2); any non-zero forwards.
  if (t.kind === 'forward' || (t.key === 'forwarding' && t.scope === 'all')) {
    setForwarding(ns, v);
  } else if (t.scope === 'default') {
    ns.default[t.key] = v;
    if (!UNCOPIED_CONF_KEYS.has(t.key)) {
      ns.defaultSet.add(t.key);
      for (const l of ns.linkList()) if (!l.confSet.has(t.key)) l.conf[t.key] = v;
    }
  } else if (t.scope === 'all') {
    ns.all[t.key] = v;
  } else {
    const l = ns.linkByName(t.scope)!;
    if (UNCOPIED_CONF_KEYS.has(t.key)) l.conf[t.key] = v;
    else setDevConf(l, t.key, v);
  }
  ns.touch();
}
