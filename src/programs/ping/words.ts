/**
 * iputils' words for what the simulator answers: the simulator's ping (sim/ping.ts) reports a
 * failed socket call by its errno, a warning by its kind and an ICMP error by type and code;
 * ping prints them as below (perror-style `connect: <strerror>`, the broadcast question,
 * pr_icmph's `From … icmp_seq=N …` lines). Callers that quote ping (explain, traceroute, the
 * Lab API) take its words from here too, through `pingReport`.
 */
import { ip4ToString, type Ip4 } from '../../model/ip.js';
import { icmpName } from '../../../sim/icmp.js';
import type { PingEvent, PingFailure, PingNotice, PingResult } from '../../../sim/ping.js';

/** strerror of the errnos ping's socket calls can get. */
const STRERROR: Record<string, string> = {
  ENETUNREACH: 'Network is unreachable',
  EHOSTUNREACH: 'No route to host',
  EINVAL: 'Invalid argument',
  ENODEV: 'No such device',
  EACCES: 'Permission denied',
  EADDRNOTAVAIL: 'Cannot assign requested address',
};

const strerror = (errno: string): string => STRERROR[errno] ?? errno;

/** What ping prints (after `ping: `) when it gives up before its first probe. */
export function failureText(f: PingFailure): string {
  switch (f.kind) {
    case 'bind-device':
      return `SO_BINDTODEVICE ${f.dev}: ${strerror(f.errno)}`;
    case 'bind':
      return `bind: ${strerror(f.errno)}`;
    case 'connect':
      return `connect: ${strerror(f.errno)}`;
    case 'broadcast-without-b':
      return 'Do you want to ping broadcast? Then -b. If not, check your local firewall rules';
    case 'set-ttl':
      return `cannot set unicast time-to-live: ${strerror(f.errno)}`;
  }
}

/** A warning line before the header (without its newline). */
export function noticeText(n: PingNotice): string {
  return n.kind === 'broadcast' ? 'WARNING: pinging broadcast address' : `ping: Warning: source address might be selected on device other than: ${n.dev}`;
}

/** pr_icmph's text of an ICMP error, or of a redirect with its new gateway. */
export function icmpText(e: Extract<PingEvent, { kind: 'error' | 'redirect' }>): string {
  return e.kind === 'error' ? icmpName(e.type, e.code, e.info) : `${icmpName(5, e.code)}(New nexthop: ${ip4ToString(e.gateway)})`;
}

/** The `From …` line of an ICMP error or redirect; `name` prints an address (numeric or with its name). */
export function errorLine(e: Extract<PingEvent, { kind: 'error' | 'redirect' }>, name: (a: Ip4) => string = ip4ToString): string {
  return e.kind === 'error' ? `From ${name(e.from)} icmp_seq=${e.seq} ${icmpText(e)}` : `From ${name(e.from)}: icmp_seq=${e.seq} ${icmpText(e)}`;
}

/** A ping event with ping's text of it (errors and redirects). */
export type PingReportEvent = Extract<PingEvent, { kind: 'reply' }> | (Extract<PingEvent, { kind: 'error' | 'redirect' }> & { text: string });

/** A simulated ping's answer together with ping's words for it. */
export interface PingReport extends Omit<PingResult, 'events'> {
  /** what ping printed on stderr before giving up (exit 2), e.g. `connect: Network is unreachable` */
  fatal: string | null;
  /** stderr lines printed before the header, without the `ping: ` prefix where ping uses error() */
  warnings: string[];
  /** the `From … icmp_seq=N …` lines of errors and redirects, in order (numeric) */
  errorLines: string[];
  events: PingReportEvent[];
}

/**
 * The simulator's ping answer with ping's words added.
 *
 * @example
 * pingReport(ping(sim, ns, dst, { count: 1 })).errorLines; // ['From 10.0.1.254 icmp_seq=1 Destination Host Unreachable']
 */
export function pingReport(r: PingResult): PingReport {
  const events = r.events.map((e): PingReportEvent => (e.kind === 'reply' ? e : { ...e, text: icmpText(e) }));
  const errorLines: string[] = [];
  for (const e of r.events) if (e.kind !== 'reply') errorLines.push(errorLine(e));
  return { ...r, fatal: r.failure ? failureText(r.failure) : null, warnings: r.notices.map(noticeText), errorLines, events };
}
