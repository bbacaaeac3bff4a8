/**
 * Every program nettwin knows by name: the programs a script runs inside a network namespace
 * (iproute2, ping, sysctl, socat, and the network tools real mode may run on the kernel even
 * where the simulator does not model them yet). A program outside this table is never run in
 * either mode: the line is reported and skipped.
 *
 * Whether the simulator models a program is its own table's business (src/programs/table.ts: a
 * program with no entry there is "not modelled"); whether real mode may run a line on the kernel
 * is decided by `kernel` here and then by the argv checks (kernel-argv.ts, adapters/linux/guard.ts).
 */

import type { Invocation } from './invocation.js';

/** What a program is about, for coverage reports ("netfilter: 3 lines not modelled"). */
export type Feature = 'iproute2' | 'sysctl' | 'ping' | 'socat' | 'netfilter' | 'tc' | 'probes' | 'l4' | 'ethtool' | 'net-tools' | 'clock';

/**
 * What a script line is about: its program's feature, `ipv6` for `ip -6 …`, `ping -6`, `ping6`
 * and net.ipv6 sysctls (until the simulator models IPv6 they are its own group),
 * `kernel-files` for reads and writes of /proc/sys/net and /sys/class/net, `shell` for the
 * shell's own commands, `other` for programs nettwin does not know.
 */
export type LineFeature = Feature | 'ipv6' | 'kernel-files' | 'shell' | 'other';

/** How coverage reports name each feature. */
export const FEATURE_LABEL: Readonly<Record<LineFeature, string>> = {
  iproute2: 'iproute2',
  sysctl: 'sysctl',
  ping: 'ping',
  socat: 'socat',
  netfilter: 'netfilter',
  tc: 'tc (traffic control)',
  probes: 'traceroute/tracepath/arping',
  l4: 'sockets (nc, curl, http.server, ss)',
  ethtool: 'ethtool',
  'net-tools': 'net-tools (ifconfig, route)',
  clock: 'date (the clock)',
  ipv6: 'IPv6',
  'kernel-files': 'kernel files',
  shell: 'shell',
  other: 'other programs',
};

export interface CatalogueEntry {
  feature: Feature;
  /** real mode may run it on the kernel, inside the sandbox, once its argv passed the checks */
  kernel: boolean;
}

const entry = (feature: Feature, kernel = true): CatalogueEntry => ({ feature, kernel });

export const CATALOGUE = {
  ip: entry('iproute2'),
  bridge: entry('iproute2'),
  brctl: entry('iproute2'),
  sysctl: entry('sysctl'),
  ping: entry('ping'),
  socat: entry('socat'),
  iptables: entry('netfilter'),
  'iptables-save': entry('netfilter'),
  'iptables-restore': entry('netfilter'),
  'iptables-legacy': entry('netfilter'),
  'iptables-legacy-save': entry('netfilter'),
  'iptables-legacy-restore': entry('netfilter'),
  'iptables-nft': entry('netfilter'),
  'iptables-nft-save': entry('netfilter'),
  'iptables-nft-restore': entry('netfilter'),
  ip6tables: entry('netfilter'),
  'ip6tables-save': entry('netfilter'),
  'ip6tables-restore': entry('netfilter'),
  'ip6tables-legacy': entry('netfilter'),
  'ip6tables-nft': entry('netfilter'),
  'ip6tables-nft-save': entry('netfilter'),
  'ip6tables-nft-restore': entry('netfilter'),
  'ip6tables-legacy-save': entry('netfilter'),
  'ip6tables-legacy-restore': entry('netfilter'),
  nft: entry('netfilter'),
  conntrack: entry('netfilter'),
  ebtables: entry('netfilter'),
  tc: entry('tc'),
  traceroute: entry('probes'),
  tracepath: entry('probes'),
  arping: entry('probes'),
  ping6: entry('ping'),
  /** ipv6toolkit's router advertisement sender: a lab's stand-in for radvd */
  ra6: entry('probes'),
  nc: entry('l4'),
  ss: entry('l4'),
  curl: entry('l4'),
  /** only `python3 -m http.server` (kernel-only-argv.ts refuses anything else) */
  python3: entry('l4'),
  ethtool: entry('ethtool'),
  ifconfig: entry('net-tools'),
  route: entry('net-tools'),
  /** coreutils' clock: the simulator's virtual time, the machine's wall clock (kernel-only-argv.ts allows only printing it) */
  date: entry('clock'),
  /** answered in both modes as a kernel with the module built in (exec/modprobe.ts), never run */
  modprobe: entry('netfilter', false),
} as const satisfies Record<string, CatalogueEntry>;

/** A program nettwin knows by name. */
export type Program = keyof typeof CATALOGUE;

/** Whether `name` is a program of the catalogue. */
export function isProgram(name: string): name is Program {
  return Object.hasOwn(CATALOGUE, name);
}

/** `-6`, `-f inet6`, `-family inet6` among a command's leading options. */
function ipv6Option(argv: readonly string[]): boolean {
  for (let i = 0; i < argv.length && argv[i].startsWith('-'); i++) {
    const a = argv[i];
    if (a === '-6') return true;
    if (/^--?f(a(m(i(ly?)?)?)?)?$/.test(a) && argv[i + 1] === 'inet6') return true;
  }
  return false;
}

/**
 * What a classified line is about.
 *
 * @example
 * featureOf({ kind: 'program', program: 'ip', argv: ['-6', 'route'], wrappers: [], background: false }); // 'ipv6'
 */
export function featureOf(inv: Invocation): LineFeature {
  switch (inv.kind) {
    case 'program': {
      const { program, argv } = inv;
      if (program === 'ping6' || program === 'ra6' || (program === 'ping' && argv.includes('-6')) || ((program === 'ip' || program === 'bridge') && ipv6Option(argv))) return 'ipv6';
      if (program === 'sysctl' && argv.some((a) => /^net[./]ipv6[./]/.test(a))) return 'ipv6';
      return CATALOGUE[program].feature;
    }
    case 'proc-write':
      return inv.path.startsWith('/proc/sys/net/ipv6/') ? 'ipv6' : 'kernel-files';
    case 'proc-read':
      return inv.paths.some((p) => p.startsWith('/proc/sys/net/ipv6/')) ? 'ipv6' : 'kernel-files';
    case 'unsupported':
      return inv.feature ?? 'other';
    default:
      return 'shell';
  }
}
