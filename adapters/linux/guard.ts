/**
 * What real mode refuses to run, whatever the simulator would say. The sandbox isolates the
 * network, not the file system or the kernel's global settings, so a command line is refused
 * when it could act outside the namespaces a run created:
 *
 * - `ip -batch FILE` / `bridge -batch FILE` (commands nobody has checked, and `netns exec` in them);
 * - `exec` anywhere in an `ip` line (`ip -all netns exec`, `ip -n X netns exec`): a program
 *   that is not ours would run with root's file system;
 * - an argument naming a path (`netns /proc/1/ns/net`, `netns /var/run/docker/netns/…`): only
 *   plain names and prefixes are needed by the commands nettwin models;
 * - `sysctl` on anything but net.ipv4 conf/ip_forward (kernel.*, vm.* are global) and the
 *   net.ipv4 names this kernel does not have at all, or with an option that reads files (-p,
 *   --system).
 */

import { classifySysctl } from '../../src/ops/apply-sysctl.js';

const BATCH_OPT = /^--?b(a(t(ch?)?)?)?$/;
/**
 * a CIDR-ish word: 10.0.0.1/24, 2001:db8::/64, and the typos people make of them
 * (172.16.1.0/24/24: a subnet given where an address goes, then /24 appended); never a
 * word whose first part is only dots (../24 would name a file outside /run/netns)
 */
const PREFIX_WORD = /^(?!\.+\/)[0-9a-fA-F.:]+\/[0-9.]+(?:\/\d+)*$/;
const SYSCTL_KEY = /^net[./]ipv4[./](ip_forward|conf[./][^=\s]+)$/;

/**
 * Why this command must not run on the kernel, or null when it may. `program` is argv[0]'s name.
 *
 * @example
 * realArgvProblem('ip', ['link', 'set', 'v0', 'up']);  // null
 * realArgvProblem('sysctl', ['-w', 'kernel.panic=1']); // 'sysctl key kernel.panic'
 */
export function realArgvProblem(program: string, argv: readonly string[]): string | null {
  switch (program) {
    case 'ip':
    case 'bridge': {
      for (const a of argv) {
        if (a === 'exec') return `${program} … exec`;
        if (a.includes('/') && !PREFIX_WORD.test(a)) return `path argument ${a}`;
      }
      for (const a of argv) {
        if (!a.startsWith('-')) break;
        if (BATCH_OPT.test(a)) return `${program} -batch`;
      }
      return null;
    }
    case 'sysctl': {
      for (const a of argv) {
        if (a.startsWith('-')) {
          if (!/^-[wnqe]+$/.test(a) && !['--write', '--values', '--quiet', '--ignore'].includes(a)) return `sysctl option ${a}`;
          continue;
        }
        const key = (a.includes('=') ? a.slice(0, a.indexOf('=')) : a).trim();
        // a key this kernel does not have only gets sysctl's "cannot stat": harmless, and modelled
        if ((!SYSCTL_KEY.test(key) && classifySysctl(key) !== 'missing') || key.includes('..')) return `sysctl key ${key}`;
      }
      return null;
    }
    case 'ping':
    case 'brctl':
      for (const a of argv) if (a.includes('/') && !PREFIX_WORD.test(a)) return `path argument ${a}`;
      return null;
    default:
      return `command ${program}`;
  }
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
