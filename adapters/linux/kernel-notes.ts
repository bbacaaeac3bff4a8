/**
 * Where a kernel differs in ways that would otherwise fail obscurely, said plainly:
 *
 * - a command that would crash the kernel is not run on it (`umlHazard`): on user-mode Linux's
 *   6.1, `ip route add … nhid N` for IPv4 panics the kernel every time (fine on 6.18), which
 *   would end the run with "sandbox agent exited";
 * - an answer that comes from a missing kernel feature gets a note (`kernelNotes`): `nft` and
 *   `iptables-nft` answer "Operation not supported" on a kernel without the nftables family
 *   the rule is for (UML's 6.1 has none of ip, ip6, inet, netdev).
 *
 * The steps keep the tools' own words; the notes are nettwin's, printed beside them.
 */
import type { Step } from '../../src/exec/step.js';
import type { KernelProfile } from '../../src/model/kernel-profile.js';

const ROUTE_WRITES = new Set(['add', 'append', 'replace', 'change', 'prepend', 'a', 'app', 'r', 'ch']);

/** What user-mode Linux's 6.1 must not be given in one `ip` command's words (after `ip`), or null. */
export function umlRouteHazard(words: readonly string[]): string | null {
  let i = 0;
  let v6 = false;
  // ip's global options: -6/-4, -n NS, -b…, and the like
  while (i < words.length && words[i]!.startsWith('-')) {
    const w = words[i]!;
    if (w === '-6' || w === '-family=inet6' || (w === '-f' && words[i + 1] === 'inet6')) v6 = true;
    i += ['-n', '-netns', '-f', '-family', '-rc', '-rcvbuf'].includes(w) ? 2 : 1;
  }
  const obj = words[i];
  if (obj === undefined || !/^r(o(u(te?)?)?)?$/.test(obj)) return null;
  if (!ROUTE_WRITES.has(words[i + 1] ?? '')) return null;
  const rest = words.slice(i + 2);
  if (!rest.includes('nhid')) return null;
  if (v6 || rest.some((w) => w.includes(':'))) return null;
  return 'nettwin: not run on user-mode Linux: `ip route … nhid` for IPv4 panics its 6.1 kernel (it works on 6.18); run this line without --kernel uml\n';
}

/** The hazard of an argv run on user-mode Linux (an `ip` command, or the lines of `ip -batch -` given as input), or null. */
export function umlHazard(argv: readonly string[], input?: string): string | null {
  if (argv[0] !== 'ip' && !argv[0]?.endsWith('/ip')) return null;
  const words = argv.slice(1);
  const direct = umlRouteHazard(words);
  if (direct) return direct;
  if (input !== undefined && words.includes('-batch')) {
    for (const line of input.split('\n')) {
      const hit = umlRouteHazard(line.trim().split(/\s+/).filter(Boolean));
      if (hit) return hit;
    }
  }
  return null;
}

const NFT_FAMILIES: Readonly<Record<string, string>> = {
  ip: 'nf_tables_ipv4',
  ip6: 'nf_tables_ipv6',
  inet: 'nf_tables_inet',
  arp: 'nf_tables_arp',
  bridge: 'nf_tables_bridge',
  netdev: 'nf_tables_netdev',
};

/**
 * Notes on steps whose failure comes from what the kernel lacks.
 *
 * @example
 * kernelNotes(steps, KERNEL_PROFILES.uml); // ['line 3: nft: the kernel (uml 6.1.176) has no nftables family ip …']
 */
export function kernelNotes(steps: readonly Step[], kernel: KernelProfile): string[] {
  const out: string[] = [];
  for (const s of steps) {
    if (s.exit === 0 || !/Operation not supported/.test(s.stderr)) continue;
    const words = s.command.split(/\s+/);
    const prog = words.find((w) => /^(nft|iptables|ip6tables)(-nft)?$/.test(w));
    if (!prog) continue;
    const missing = Object.entries(NFT_FAMILIES)
      .filter(([, f]) => !kernel.netfilter.includes(f))
      .map(([fam]) => fam);
    if (missing.length === 0) continue;
    out.push(
      `line ${s.line}: ${prog}: the kernel (${kernel.name} ${kernel.release}) has no nftables famil${missing.length === 1 ? 'y' : 'ies'} ${missing.join(', ')} (a property of that kernel's build, not of the rule), so nftables answers "Operation not supported"`,
    );
  }
  return out;
}
