/**
 * iputils ping over IPv6 (20221126; `ping -6`, `ping6`, or an IPv6 destination): resolving the
 * target (a literal or `ADDR%DEV`; names resolve as the sandbox's resolver answers), `-I DEV` / `-I ADDR`,
 * then the simulator's run (sim/ipv6/ping6.ts) printed byte for byte as iputils prints it:
 *
 *     PING fe80::1%va(fe80::1%va) 56 data bytes
 *     64 bytes from fe80::1%va: icmp_seq=1 ttl=64 time=0.027 ms
 *     From 2001:db8:a::1 icmp_seq=1 Destination unreachable: Address unreachable
 */
import { formatIp6, parseIp6, type Ip6 } from '../../model/ipv6/ip6.js';
import type { Netns } from '../../model/netns.js';
import { ping6, type Addr6, type Ping6Result } from '../../../sim/ipv6/ping6.js';
import type { Simulator } from '../../../sim/simulator.js';
import type { PingSummary } from '../../exec/step.js';
import { unsupported, type CommandResult } from '../../iproute2/types.js';
import type { PingArgs } from './args.js';
import { replyLine, statistics } from './output.js';

/**
 * Names of /etc/hosts that getaddrinfo (with iputils' AI_ADDRCONFIG) answers with IPv4 only:
 * asked for IPv6, ping says the family is not supported.
 */
const IPV4_ONLY_NAMES = new Set(['localhost']);

const STRERROR: Record<string, string> = {
  ENETUNREACH: 'Network is unreachable',
  EHOSTUNREACH: 'No route to host',
  EINVAL: 'Invalid argument',
  EACCES: 'Permission denied',
  EADDRNOTAVAIL: 'Cannot assign requested address',
};

/** ping's words for a run that failed before its first probe (`connect: Network is unreachable`). */
export function failure6Text(f: NonNullable<Ping6Result['failure']>): string {
  const why = STRERROR[f.errno] ?? f.errno;
  return f.kind === 'bind' ? `bind icmp socket: ${why}` : `connect: ${why}`;
}

/** pr_addr for a numeric IPv6 address: a link-scoped one with its device. */
export function pr(a: Addr6): string {
  return a.dev ? `${formatIp6(a.addr)}%${a.dev}` : formatIp6(a.addr);
}

/** print_icmp: ICMPv6 errors in iputils' words. */
export function icmp6Text(type: number, code: number, info: number): string {
  if (type === 1) {
    const names = ['No route', 'Administratively prohibited', 'Beyond scope of source address', 'Address unreachable', 'Port unreachable'];
    return `Destination unreachable: ${names[code] ?? `Unknown code ${code}`}`;
  }
  if (type === 2) return `Packet too big: mtu=${info}${code ? `, code=${code}` : ''}`;
  if (type === 3) return `Time exceeded: ${code === 0 ? 'Hop limit' : code === 1 ? 'Defragmentation failure' : `code ${code}`}`;
  if (type === 4) {
    const what = code === 0 ? 'Wrong header field ' : code === 1 ? 'Unknown header ' : code === 2 ? 'Unknown option ' : `code ${code} `;
    return `Parameter problem: ${what}at ${info}`;
  }
  return `Unknown icmp type: ${type}`;
}

/** ping6_run's header, the reply and error lines, and finish(). */
function render(r: Ping6Result, hostname: string, quiet: boolean, audible: boolean): string {
  let out = `PING ${hostname}(${pr(r.whereto)}) `;
  if (r.bound) out += `from ${formatIp6(r.source)} ${r.device ?? ''}: `;
  out += `${r.size} data bytes\n`;
  if (!quiet) {
    for (const e of r.events) {
      if (e.kind === 'reply') {
        out += replyLine(e, pr(e.from), audible);
      } else if (e.kind === 'error') out += `From ${pr(e.from)} icmp_seq=${e.seq} ${icmp6Text(e.type, e.code, e.info)}\n`;
    }
  }
  return out + statistics(hostname, r);
}

/** getaddrinfo for an IPv6 target: `ADDR`, `ADDR%DEV` (a device of the namespace), or a name. */
function resolve(ns: Netns, target: string): { addr: Ip6; scope: string | null } | 'EAI_NONAME' | null {
  const pct = target.indexOf('%');
  const head = pct >= 0 ? target.slice(0, pct) : target;
  const a = parseIp6(head);
  if (a !== null) {
    if (pct < 0) return { addr: a, scope: null };
    const dev = target.slice(pct + 1);
    const l = /^\d+$/.test(dev) ? ns.linkByIndex(Number(dev)) : ns.linkByName(dev);
    return l ? { addr: a, scope: l.name } : 'EAI_NONAME';
  }
  return null;
}

/**
 * `ping` of an IPv6 destination: `p` is what ping's options asked for.
 *
 * @example
 * runPing6(ns, sim, parsed, 'fe80::1%va', '');
 */
export function runPing6(ns: Netns, sim: Simulator, p: PingArgs, target: string, warn: string, resolver: 'EAI_AGAIN' | 'EAI_NONAME' = 'EAI_AGAIN'): CommandResult & { ping?: PingSummary } {
  const summary = (r: { transmitted: number; received: number } | null): PingSummary => ({ from: ns.path, to: target, transmitted: r?.transmitted ?? 0, received: r?.received ?? 0 });
  const fail = (msg: string): CommandResult & { ping: PingSummary } => ({ exit: 2, stdout: '', stderr: `${warn}ping: ${msg}\n`, ping: summary(null) });
  if (IPV4_ONLY_NAMES.has(target)) return fail(`${target}: Address family for hostname not supported`);
  if (/^ip6-/.test(target)) return unsupported(`ping to ${target} (what getaddrinfo answers for it)`);
  const res = resolve(ns, target);
  if (res === 'EAI_NONAME') return fail(`${target}: Name or service not known`);
  if (res === null) return fail(`${target}: ${resolver === 'EAI_AGAIN' ? 'Temporary failure in name resolution' : 'Name or service not known'}`);
  const o = p.opts;
  if (o.iface !== undefined && !ns.linkByName(o.iface)) return fail(`unknown iface: ${o.iface}`);
  const scope = res.scope !== null ? ns.linkByName(res.scope) : undefined;
  const r = ping6(sim, ns, res.addr, {
    count: o.count,
    interval: o.interval,
    ...(o.adaptive ? { adaptive: true } : {}),
    timeout: o.timeout,
    deadline: o.deadline,
    hopLimit: o.ttl,
    size: o.size,
    iface: o.iface,
    source: p.source6,
    scope,
    ...(o.pmtudisc ? { pmtudisc: o.pmtudisc } : {}),
    ...(o.mark ? { mark: o.mark } : {}),
  });
  if (r.hung) return unsupported('ping that waits forever (-W 0 and no answer)');
  if (r.failure) {
    return fail(failure6Text(r.failure));
  }
  const stderr =
    warn +
    (r.warnElsewhere !== null ? `ping: Warning: source address might be selected on device other than: ${r.warnElsewhere}\n` : '') +
    'ping: sendmsg: Operation not permitted\n'.repeat(r.rejected.length) +
    r.tooBig.map((mtu) => `ping: local error: message too long, mtu: ${mtu}\n`).join('');
  return { exit: r.exit, stdout: render(r, target, p.quiet, p.audible), stderr, ping: summary(r) };
}
