/**
 * `modprobe` of a module the reference kernel has built in (its /proc/config.gz: br_netfilter,
 * bridge, veth, vxlan, the netfilter cores and the xt_* modules nettwin models): kmod finds it
 * in modules.builtin and does nothing, so both modes answer here, alike, and never run
 * modprobe — the sandbox shares the machine's kernel, and loading a module is a change to the
 * machine. Anything else (another module, another option) is not answered: the line is
 * reported unsupported in both modes (kernel-argv.ts).
 */
import type { Outcome } from './outcome.js';

/** Modules built into the reference kernel (6.18, CONFIG_*=y), by kmod's name. */
export const BUILTIN_MODULES: ReadonlySet<string> = new Set([
  'br_netfilter',
  'bridge',
  'veth',
  'vxlan',
  'tun',
  'macvlan',
  'ifb',
  'overlay',
  'x_tables',
  'ip_tables',
  'iptable_filter',
  'iptable_nat',
  'iptable_mangle',
  'iptable_raw',
  'ip6_tables',
  'nf_conntrack',
  'nf_nat',
  'nf_defrag_ipv4',
  'nf_tables',
  'nft_ct',
  'nft_nat',
  'nft_masq',
  'nft_reject',
  'nft_compat',
  'nft_numgen',
  'nft_fib_ipv4',
  'nft_chain_nat',
  'xt_conntrack',
  'xt_state',
  'xt_MASQUERADE',
  'xt_nat',
  'xt_REDIRECT',
  'xt_comment',
  'xt_mark',
  'xt_connmark',
  'xt_multiport',
  'xt_physdev',
  'xt_statistic',
  'xt_addrtype',
  'xt_LOG',
  'ipt_REJECT',
]);

/** kmod compares module names with `-` and `_` alike. */
function builtin(name: string): string | null {
  const n = name.replace(/-/g, '_');
  for (const m of BUILTIN_MODULES) if (m.replace(/-/g, '_') === n) return m;
  return null;
}

/**
 * What modprobe answers for built-in modules (nothing, exit 0), or null when the line is
 * anything else (another module, an option other than -a/-q/-b, module parameters).
 *
 * @example
 * modprobeAnswer(['br_netfilter']); // { exit: 0, stdout: '', stderr: '', supported: true }
 * modprobeAnswer(['dummy']);        // null
 */
export function modprobeAnswer(argv: readonly string[]): Outcome | null {
  let all = false;
  const names: string[] = [];
  for (const a of argv) {
    if (a === '-a' || a === '--all') all = true;
    else if (a === '-q' || a === '--quiet' || a === '-b' || a === '--use-blacklist') continue;
    else if (a.startsWith('-')) return null;
    else names.push(a);
  }
  // without -a, words after the first are the module's parameters
  if (!names.length || (!all && names.length > 1)) return null;
  if (names.some((n) => builtin(n) === null)) return null;
  return { exit: 0, stdout: '', stderr: '', supported: true };
}
