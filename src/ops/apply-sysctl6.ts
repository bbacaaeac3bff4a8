/**
 * IPv6 sysctls, net.ipv6.conf.{all,default,IFACE}.KEY (net/ipv6/addrconf.c addrconf_sysctl
 * and its handlers): reading, and writing with each handler's checks and effects —
 * `forwarding`, `disable_ipv6`, `addr_gen_mode` and `ignore_routes_with_linkdown` written on
 * `all` set `default` and every device too (forwarding joins or leaves all-routers, disabling
 * takes a device's addresses away, enabling gives them back as NETDEV_UP would); `default`
 * only `default` (devices copy it when they are made, never later); a device only itself.
 * Other keys are stored (proc_dointvec, or its range); those in milliseconds read back
 * rounded up to a jiffy. `stable_secret` holds an address, not a number (writeStableSecret).
 * Keys outside conf/ exist but are not modelled.
 */
import { addrconfPending, addrconfSync, addrGenModeChanged } from '../model/ipv6/addrconf.js';
import { IP6_CONF_MS_KEYS, IP6_CONF_RANGES, isIp6ConfKey, type Ip6Conf, type Ip6ConfKey } from '../model/ipv6/conf6.js';
import { parseIp6 } from '../model/ipv6/ip6.js';
import { formatSecret, stableSecretOf } from '../model/ipv6/stable-privacy.js';
import type { Link } from '../model/link.js';
import type { Netns } from '../model/netns.js';
import { sysctlDisplayName, sysctlKeyPath, sysctlSegments } from '../model/kernel-path.js';
import { OpError } from './errors.js';

/** What /proc/sys/net/ipv6 holds in a namespace other than the machine's first one (kernel 6.18). */
const IPV6_NAMES = new Set(
  'anycast_src_echo_reply auto_flowlabels bindv6only conf fib_multipath_hash_fields fib_multipath_hash_policy fib_notify_on_flag_change flowlabel_consistency flowlabel_reflect flowlabel_state_ranges fwmark_reflect icmp idgen_delay idgen_retries ioam6_id ioam6_id_wide ip6frag_high_thresh ip6frag_low_thresh ip6frag_time ip_nonlocal_bind max_dst_opts_length max_dst_opts_number max_hbh_length max_hbh_opts_number neigh route seg6_flowlabel xfrm6_gc_thresh'.split(
    ' ',
  ),
);

/** A modelled IPv6 key: a conf directory (all, default, a device name) and a key of it. */
export interface Sysctl6Target {
  scope: string;
  key: Ip6ConfKey;
}

/** `net.ipv6.conf.SCOPE.KEY` in either of procps's forms; null for anything else. */
export function sysctl6Target(key: string): Sysctl6Target | null {
  const s = sysctlSegments(key);
  if (!s || s[0] !== 'net' || s[1] !== 'ipv6' || s.length !== 5 || s[2] !== 'conf') return null;
  const k = s[4]!;
  return isIp6ConfKey(k) ? { scope: s[3]!, key: k } : null;
}

/** `net.ipv6.idgen_retries` / `idgen_delay` (per namespace, outside conf/): the key, else null. */
export function idgenKey(key: string): 'idgen_retries' | 'idgen_delay' | null {
  const s = sysctlSegments(key);
  if (!s || s.length !== 3 || s[0] !== 'net' || s[1] !== 'ipv6') return null;
  return s[2] === 'idgen_retries' || s[2] === 'idgen_delay' ? s[2] : null;
}

/** What the model makes of an IPv6 key (see classifySysctl). */
export function classifySysctl6(key: string): 'modelled' | 'missing' | 'unmodelled' {
  if (sysctl6Target(key) || stableSecretScope(key) !== null || idgenKey(key) !== null) return 'modelled';
  const s = sysctlSegments(key);
  if (!s || s[1] !== 'ipv6' || s.length < 3) return 'unmodelled';
  if (!IPV6_NAMES.has(s[2]!)) return s.length === 3 ? 'missing' : 'unmodelled';
  if (s[2] === 'conf' && s.length === 5 && s[4] !== 'stable_secret') return 'missing';
  return 'unmodelled';
}

function confOf(ns: Netns, scope: string): { conf: Ip6Conf; dev: Link | null } | null {
  if (scope === 'all') return { conf: ns.inet6.all, dev: null };
  if (scope === 'default') return { conf: ns.inet6.default, dev: null };
  const l = ns.linkByName(scope);
  return l ? { conf: l.inet6.conf, dev: l } : null;
}

/** A device's conf/mtu: its own MTU, unless written since the MTU last changed. */
function mtu6(l: Link): number {
  const d = l.inet6;
  return d.mtuWrittenAt === l.mtu ? d.conf.mtu : l.mtu;
}

/** The value `sysctl KEY` prints for an IPv6 key, or null when the file does not exist here. */
export function readSysctl6(ns: Netns, key: string): string | null {
  const g = idgenKey(key);
  if (g) return String(g === 'idgen_retries' ? ns.inet6.idgenRetries : ns.inet6.idgenDelay);
  const t = sysctl6Target(key);
  if (!t) return null;
  const c = confOf(ns, t.scope);
  if (!c) return null;
  if (t.key === 'mtu' && c.dev) return String(mtu6(c.dev));
  return String(c.conf[t.key]);
}

/** dev_disable_change / dev_forward_change: what a device does when its value flips. */
function devChanged(l: Link, key: Ip6ConfKey): void {
  if (key === 'disable_ipv6') {
    addrconfPending(l);
    addrconfSync(l.ns);
  } else if (key === 'addr_gen_mode') addrGenModeChanged(l);
}

/** Sets a device's value; the handler's effect follows a change. */
function setDev(l: Link, key: Ip6ConfKey, v: number): void {
  const old = l.inet6.conf[key];
  l.inet6.conf[key] = v;
  if (key === 'mtu') l.inet6.mtuWrittenAt = l.mtu;
  const flips = key === 'disable_ipv6' || key === 'forwarding' ? !old !== !v : old !== v;
  if (flips) devChanged(l, key);
}

/** Keys whose write on `all` reaches `default` and every device. */
const PROPAGATED = new Set<Ip6ConfKey>(['forwarding', 'disable_ipv6', 'addr_gen_mode', 'ignore_routes_with_linkdown']);

export function applySysctl6Set(ns: Netns, key: string, value: string): void {
  const scope = stableSecretScope(key);
  if (scope !== null) {
    writeStableSecret(ns, key, scope, value);
    return;
  }
  if (idgenKey(key)) {
    writeIdgen(ns, key, value);
    return;
  }
  const t = sysctl6Target(key);
  const path = sysctlKeyPath(key);
  const missing = new OpError(`sysctl: cannot stat ${path}: No such file or directory\n`, 1, 'no-key');
  if (!t) throw missing;
  const c = confOf(ns, t.scope);
  if (!c) throw missing;
  const invalid = new OpError(`sysctl: setting key "${sysctlDisplayName(key)}": Invalid argument\n`, 1, 'invalid');
  if (!/^\s*-?\d+\s*$/.test(value)) throw invalid;
  let v = parseInt(value, 10);
  if (v < -2147483648 || v > 2147483647) throw invalid;
  const range = IP6_CONF_RANGES[t.key];
  if (range && (v < range[0] || v > range[1])) throw invalid;
  // check_stable_privacy: a device needs a secret (its own or conf/default's); all and default take 2 as it is
  if (t.key === 'addr_gen_mode' && v === 2 && c.dev && stableSecretOf(c.dev) === null) throw invalid;
  if (t.key === 'mtu' && c.dev && v > c.dev.mtu) throw invalid;
  if (IP6_CONF_MS_KEYS.has(t.key)) v = Math.ceil(v / 4) * 4;
  if (t.scope === 'all' && PROPAGATED.has(t.key)) {
    c.conf[t.key] = v;
    ns.inet6.default[t.key] = v;
    for (const l of ns.linkList()) setDev(l, t.key, v);
  } else if (c.dev) setDev(c.dev, t.key, v);
  else c.conf[t.key] = v;
  ns.touch();
}

/** `net.ipv6.conf.SCOPE.stable_secret`: its SCOPE, else null. */
export function stableSecretScope(key: string): string | null {
  const s = sysctlSegments(key);
  return s && s[0] === 'net' && s[1] === 'ipv6' && s.length === 5 && s[2] === 'conf' && s[4] === 'stable_secret' ? s[3]! : null;
}

/**
 * Reading conf/SCOPE/stable_secret (addrconf_sysctl_stable_secret): the secret as %pI6 prints
 * it, 'EIO' while none was written (procps says nothing then, and exits 1), 'random' when
 * addr_gen_mode 3 drew it (the model's is a stand-in), null when SCOPE does not exist.
 */
export function readStableSecret(ns: Netns, scope: string): { text: string } | 'EIO' | 'random' | null {
  const c = confOf(ns, scope);
  if (!c) return null;
  const secret = scope === 'all' ? null : scope === 'default' ? ns.inet6.defaultStableSecret : (c.dev!.inet6.stableSecret ?? null);
  if (c.dev?.inet6.randomSecret) return 'random';
  return secret === null ? 'EIO' : { text: formatSecret(secret) };
}

/**
 * Writing conf/SCOPE/stable_secret: EIO for conf/all and for text whose leading address in6_pton
 * cannot read; otherwise the secret is kept and the device (conf/default: every device of the
 * namespace, lo included) switches to addr_gen_mode 2 — its addresses stay until addrconf
 * configures it again (a down and up).
 */
function writeStableSecret(ns: Netns, key: string, scope: string, value: string): void {
  const c = confOf(ns, scope);
  if (!c) throw new OpError(`sysctl: cannot stat ${sysctlKeyPath(key)}: No such file or directory\n`, 1, 'no-key');
  const eio = new OpError(`sysctl: setting key "${sysctlDisplayName(key)}": Input/output error\n`, 1, 'invalid');
  // in6_pton with no delimiter stops at the first character that is not a hex digit, `:` or `.`
  const text = /^[0-9a-fA-F:.]*/.exec(value.trim())![0];
  const secret = text ? parseIp6(text) : null;
  if (scope === 'all' || secret === null) throw eio;
  if (c.dev) {
    c.dev.inet6.stableSecret = secret;
    c.dev.inet6.randomSecret = false;
    c.dev.inet6.conf.addr_gen_mode = 2;
  } else {
    ns.inet6.defaultStableSecret = secret;
    for (const l of ns.linkList()) l.inet6.conf.addr_gen_mode = 2;
  }
  ns.touch();
}

/** idgen_retries (proc_dointvec) and idgen_delay (proc_dointvec_jiffies: seconds that fit in jiffies at HZ 1000). */
function writeIdgen(ns: Netns, key: string, value: string): void {
  const invalid = new OpError(`sysctl: setting key "${sysctlDisplayName(key)}": Invalid argument\n`, 1, 'invalid');
  if (!/^\s*-?\d+\s*$/.test(value)) throw invalid;
  const v = parseInt(value, 10);
  if (v < -2147483648 || v > 2147483647) throw invalid;
  if (idgenKey(key) === 'idgen_retries') ns.inet6.idgenRetries = v;
  else {
    if (Math.abs(v) > Math.floor(2147483647 / 1000)) throw invalid;
    ns.inet6.idgenDelay = v;
  }
  ns.touch();
}
