/**
 * Which settings a successful line sets that the simulator stores and does not act on (the
 * table is src/model/not-simulated.ts): read from the line's own words, so that marking a step
 * `"modelled": "partial"` costs nothing on long scripts. Setting one of them to the kernel's
 * default is not flagged: ignoring it changes nothing.
 */
import type { Invocation } from '../exec/invocation.js';
import { procPathToKey } from '../exec/invocation.js';
import { sysctlSegments } from '../model/kernel-path.js';
import type { IfConf } from '../model/sysctl.js';
import { BRIDGE_NOT_SIMULATED, CONF_NOT_SIMULATED, kernelConfDefault } from '../model/not-simulated.js';
import { BRIDGE_TUNABLE_DEFAULTS, type BridgeTunable } from '../model/bridge-options.js';

/** `net.ipv4.conf.SCOPE.KEY` when a sysctl write of `value` to `key` is one the simulator ignores. */
function ignoredSysctl(key: string, value: string): string | null {
  const s = sysctlSegments(key.trim());
  if (!s || s.length !== 5 || s[1] !== 'ipv4' || s[2] !== 'conf') return null;
  const k = s[4] as keyof IfConf;
  if (!Object.hasOwn(CONF_NOT_SIMULATED, k)) return null;
  if (Number(value.trim()) === kernelConfDefault(s[3], k, s[3] === 'lo')) return null;
  return `net.ipv4.conf.${s[3].replace(/\./g, '/')}.${k}`;
}

/** ip's objects as it resolves abbreviations (ip/ip.c's command table, in order). */
const IP_OBJECTS = ['address', 'addrlabel', 'maddress', 'route', 'rule', 'neighbor', 'neighbour', 'ntable', 'ntbl', 'link'];

function ipObject(word: string | undefined): string | null {
  if (word === undefined) return null;
  return IP_OBJECTS.find((o) => o.startsWith(word)) ?? null;
}

const WRITE_VERB = /^(?:add|set|change|replace|append|prepend)$/;

/** The device a `ip link add|set` line names. */
function linkName(words: string[]): string {
  for (let i = 0; i < words.length - 1; i++) if (words[i] === 'dev' || words[i] === 'name') return words[i + 1];
  return words[0] ?? '?';
}

/** What `ip link add|set …` sets that the simulator ignores. */
function ipLinkIgnored(words: string[]): string[] {
  const out: string[] = [];
  const typeAt = words.indexOf('type');
  const common = typeAt < 0 ? words : words.slice(0, typeAt);
  const dev = linkName(common);
  const mtuAt = common.indexOf('mtu');
  if (mtuAt >= 0 && Number(common[mtuAt + 1]) < 1500) out.push(`link ${dev} mtu`);
  if (typeAt < 0) return out;
  const kind = words[typeAt + 1];
  const opts = words.slice(typeAt + 2);
  if (kind === 'bridge') {
    for (let i = 0; i < opts.length - 1; i++) {
      const k = opts[i];
      if (!Object.hasOwn(BRIDGE_NOT_SIMULATED, k)) continue;
      const dflt = k === 'stp_state' ? 0 : BRIDGE_TUNABLE_DEFAULTS[k as BridgeTunable];
      if (Number(opts[i + 1]) !== dflt) out.push(`link ${dev} ${k}`);
    }
  }
  if (kind === 'vxlan' && opts.includes('group')) out.push(`link ${dev} group`);
  return out;
}

/** Route types ip accepts before the prefix. */
const ROUTE_TYPES = new Set(['unicast', 'local', 'broadcast', 'multicast', 'throw', 'unreachable', 'prohibit', 'blackhole', 'nat', 'anycast']);

function ipRouteIgnored(words: string[]): string[] {
  if (!words.includes('mtu')) return [];
  const prefix = words.find((w) => !ROUTE_TYPES.has(w) && w !== 'to') ?? '?';
  return [`route ${prefix} mtu`];
}

/**
 * The settings a successful line set that the simulator keeps and ignores.
 *
 * @example
 * ignoredBy({ kind: 'program', program: 'sysctl', argv: ['-w', 'net.ipv4.conf.veth1.proxy_arp=1'], wrappers: [], background: false });
 * // ['net.ipv4.conf.veth1.proxy_arp']
 */
export function ignoredBy(inv: Invocation): string[] {
  if (inv.kind === 'proc-write') {
    const k = ignoredSysctl(procPathToKey(inv.path), inv.value);
    return k ? [k] : [];
  }
  if (inv.kind !== 'program') return [];
  const { program, argv } = inv;
  if (program === 'sysctl') {
    const out: string[] = [];
    for (const a of argv) {
      const eq = a.indexOf('=');
      if (a.startsWith('-') || eq < 0) continue;
      const k = ignoredSysctl(a.slice(0, eq), a.slice(eq + 1));
      if (k) out.push(k);
    }
    return out;
  }
  if (program === 'brctl') return argv[0] === 'stp' && (argv[2] === 'on' || argv[2] === 'yes') ? [`link ${argv[1]} stp_state`] : [];
  if (program !== 'ip') return [];
  let i = 0;
  while (i < argv.length && argv[i].startsWith('-')) i += /^--?n(e(t(ns?)?)?)?$/.test(argv[i]) ? 2 : 1;
  const obj = ipObject(argv[i]);
  const verb = argv[i + 1];
  if (verb === undefined || !WRITE_VERB.test(verb)) return [];
  const words = argv.slice(i + 2);
  if (obj === 'link') return ipLinkIgnored(words);
  if (obj === 'route') return ipRouteIgnored(words);
  return [];
}
