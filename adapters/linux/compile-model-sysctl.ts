/**
 * The sysctl baseline: which `net.ipv4.conf` writes take a namespace from what this kernel
 * gives a new one to what the model holds. Apart from the batches because the baseline is read
 * from the kernel (a new namespace copies the machine's `default`), so these writes are
 * computed only once the sandbox is open, and because the kernel's write side effects
 * (inet_forward_change, devinet_copy_dflt_conf) decide their order.
 */
import type { Link } from '../../src/model/link.js';
import type { Netns } from '../../src/model/netns.js';
import { CONF_KEYS, type IfConf } from '../../src/model/sysctl.js';
import { checkLinkName } from './compile.js';
import type { PlannedNs } from './compile-model-place.js';
import type { Batch } from './compile-model-waves.js';

/** The IPv4 conf a new namespace starts with on this kernel (copied from the machine's). */
export interface ConfBaseline {
  all: IfConf;
  default: IfConf;
}

/** conf keys the kernel shows but does not let anyone write */
const READ_ONLY = new Set<string>(['mc_forwarding']);

/**
 * The sysctl writes that take a namespace from the kernel's start (`baseline`, with every link
 * made before the writes) to the model: `all` first (a write of all.forwarding also sets
 * default and every device, and clears all.accept_redirects: inet_forward_change), then
 * `default`, then each device. A write to `default` reaches the devices whose key was never
 * written (devinet_copy_dflt_conf), which depends on bits we cannot see, so a device key is
 * written whenever its value could differ from the model's. Empty when nothing differs.
 */
export function sysctlWrites(ns: Netns, baseline: ConfBaseline): string[] {
  const writes: string[] = [];
  const keys = CONF_KEYS.filter((k) => !READ_ONLY.has(k) && k in baseline.all && k in baseline.default);
  const all = { ...baseline.all };
  const dflt = { ...baseline.default };
  // a loopback device starts with disable_policy and disable_xfrm on (inetdev_init)
  const start = (l: Link, k: keyof IfConf) => (l.kind === 'loopback' && (k === 'disable_policy' || k === 'disable_xfrm') ? 1 : baseline.default[k]);
  const possible = new Map<Link, Map<keyof IfConf, Set<number>>>(ns.linkList().map((l) => [l, new Map(keys.map((k) => [k, new Set([start(l, k)])]))]));
  const put = (scope: string, key: keyof IfConf, v: number) => writes.push(`net/ipv4/conf/${scope}/${key}=${v}`);
  if (ns.all.forwarding !== all.forwarding) {
    put('all', 'forwarding', ns.all.forwarding);
    all.forwarding = ns.all.forwarding;
    all.accept_redirects = all.forwarding ? 0 : 1;
    dflt.forwarding = all.forwarding;
    for (const c of possible.values()) c.set('forwarding', new Set([all.forwarding]));
  }
  for (const k of keys) if (k !== 'forwarding' && ns.all[k] !== all[k]) put('all', k, ns.all[k]);
  for (const k of keys) {
    if (ns.default[k] === dflt[k]) continue;
    put('default', k, ns.default[k]);
    for (const c of possible.values()) c.get(k)!.add(ns.default[k]);
  }
  for (const [l, c] of possible) {
    for (const k of keys) {
      const p = c.get(k)!;
      if (p.size !== 1 || !p.has(l.conf[k])) put(checkLinkName(l.name), k, l.conf[k]);
    }
  }
  return writes;
}

/**
 * Wave 3's sysctl commands (`sysctl -q -w key=value …`, one per namespace that needs any).
 *
 * @example
 * compileSysctls(plan, { all: PROFILES.kernel.all, default: PROFILES.kernel.default });
 * // [{ program: 'sysctl', lines: ['-q', '-w', 'net/ipv4/conf/all/forwarding=1'], … }]
 */
export function compileSysctls(plan: { namespaces: PlannedNs[] }, baseline: ConfBaseline): Batch[] {
  const out: Batch[] = [];
  for (const p of plan.namespaces) {
    const w = sysctlWrites(p.ns, baseline);
    if (w.length > 0) out.push({ place: p.place, program: 'sysctl', lines: ['-q', '-w', ...w], what: p.path });
  }
  return out;
}
