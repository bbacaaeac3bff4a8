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

/** What a line is about, for coverage reports ("netfilter: 3 lines not modelled"). */
export type Feature = 'iproute2' | 'sysctl' | 'ping' | 'socat' | 'netfilter' | 'tc' | 'probes' | 'l4' | 'ethtool';

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
  nft: entry('netfilter'),
  conntrack: entry('netfilter'),
  ebtables: entry('netfilter'),
  tc: entry('tc'),
  traceroute: entry('probes'),
  tracepath: entry('probes'),
  arping: entry('probes'),
  ping6: entry('ping'),
  nc: entry('l4'),
  ss: entry('l4'),
  ethtool: entry('ethtool'),
  /** answered in both modes as a kernel with the module built in (exec/modprobe.ts), never run */
  modprobe: entry('netfilter', false),
} as const satisfies Record<string, CatalogueEntry>;

/** A program nettwin knows by name. */
export type Program = keyof typeof CATALOGUE;

/** Whether `name` is a program of the catalogue. */
export function isProgram(name: string): name is Program {
  return Object.hasOwn(CATALOGUE, name);
}
