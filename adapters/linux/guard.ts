/**
 * What real mode refuses to run, whatever the simulator would say. The sandbox isolates the
 * network, not every file or the kernel's global settings, so a command line is refused
 * when it could act outside the namespaces a run created. The decision is the one made when
 * the line was classified (src/exec/kernel-argv.ts, with the path check of kernel-path.ts),
 * asked again here right before argv, so a line that slipped past classification still stops:
 *
 * - `ip -batch FILE` / `bridge -batch FILE` (commands nobody has checked, and `netns exec` in them);
 * - `exec` anywhere in an `ip` line (`ip -all netns exec`, `ip -n X netns exec`): a program
 *   that is not ours would run with root's file system;
 * - a path-like argument (`netns /proc/1/ns/net`, `dev ../x`, `-n ..`), except a namespace
 *   file /run/netns/NAME after `netns`: only plain names and prefixes are needed by the
 *   commands nettwin models, and lines whose answer is the tool's refusal of such a name are
 *   answered without running them;
 * - `sysctl` on anything outside /proc/sys/net's families (kernel.*, vm.* are global), keys
 *   whose file fails the path check (`net/ipv4/../../kernel/hostname`,
 *   `net.ipv4.//.//.kernel.hostname`), or with an option that reads files (-p, --system);
 * - for the network programs the simulator does not model (iptables, nft, tc, nc, ss, socat's
 *   other addresses …), what their own checks refuse (src/exec/kernel-only-argv.ts): files,
 *   other programs, unix sockets.
 */

import { argvVerdict } from '../../src/exec/kernel-argv.js';

/**
 * Why this command must not run on the kernel, or null when it may. `program` is argv[0]'s name.
 *
 * @example
 * realArgvProblem('ip', ['link', 'set', 'v0', 'up']);  // null
 * realArgvProblem('sysctl', ['-w', 'kernel.panic=1']); // 'path check refused /proc/sys/kernel/panic (sysctl key kernel.panic): …'
 */
export function realArgvProblem(program: string, argv: readonly string[], stdin?: string): string | null {
  return argvVerdict(program, argv, stdin)?.why ?? null;
}

/**
 * A dotted-quad IPv4 address, nothing a resolver would look up.
 *
 * @example isIpv4Literal('10.0.0.1') // true; isIpv4Literal('example.com') // false
 */
export function isIpv4Literal(s: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  return !!m && m.slice(1).every((x) => Number(x) <= 255);
}

/**
 * In persist mode commands run in the machine's own mount namespace, where `netns NAME` can
 * reach any of the machine's namespaces and `netns PID` its root: an `ip` line may not name a
 * namespace at all (no `-n`, `netns`, `link-netns`, `-all`).
 *
 * @example persistIpProblem(['-n', 'x', 'link']) // 'ip option -n'
 */
export function persistIpProblem(argv: readonly string[]): string | null {
  for (const a of argv) {
    const w = a.replace(/^--?/, '');
    if (a.startsWith('-') && (/^n(e(t(ns?)?)?)?$/.test(w) || /^a(ll?)?$/.test(w))) return `ip option ${a}`;
    if (/^net(ns?)?$/.test(a) || /^link-n/.test(a)) return `ip … ${a}`;
  }
  return null;
}
