/**
 * iputils `ping` (20221126, the version on the reference machine; run as root) over the
 * simulator: its options (args.ts), name resolution as the sandbox's resolver answers (no DNS
 * reachable from a namespace), the simulator's ping (sim/ping.ts), and output byte for byte as
 * iputils prints it (output.ts, words.ts) — only the times differ, see `maskPingTimes`.
 */
import type { Ip4 } from '../../model/ip.js';
import { ip4ToString } from '../../model/ip.js';
import { ping, type PingResult } from '../../../sim/ping.js';
import type { Simulator } from '../../../sim/simulator.js';
import { unsupported, type CmdContext, type CommandResult } from '../../iproute2/types.js';
import type { PingSummary } from '../../exec/step.js';
import { inetAton, parsePingArgs } from './args.js';
import { renderFailure, renderLocalErrors, renderNotices, renderRun } from './output.js';
import { runPing6 } from './ping6.js';

/** How names that /etc/hosts does not know resolve (getaddrinfo's error). */
export type ResolverFailure = 'EAI_AGAIN' | 'EAI_NONAME';

export interface PingCommandOptions {
  /**
   * `EAI_AGAIN` (default): "Temporary failure in name resolution", what a namespace without a
   * route to the DNS server gets (the sandbox); `EAI_NONAME`: "Name or service not known",
   * what a host with working DNS gets for a name that does not exist.
   */
  resolver?: ResolverFailure;
  /** extra /etc/hosts entries (name → address); `localhost` is always 127.0.0.1 */
  hosts?: Record<string, string>;
  /** run as `ping6`: IPv6 unless -4 says otherwise */
  ping6?: boolean;
}

/**
 * `ping ARGS` in namespace `ctx.ns` (argv without "ping"), as iputils prints it. The clock of
 * `sim` advances by the time ping would run.
 */
export function runPing(ctx: CmdContext, argv: string[], sim: Simulator, cmdOpts: PingCommandOptions = {}): CommandResult & { ping?: PingSummary } {
  const r = runPingAs(ctx, argv, sim, cmdOpts);
  // iputils' error() prefixes program_invocation_short_name: run as ping6, its messages say so
  if (cmdOpts.ping6 === true && r.stderr.includes('ping: ')) return { ...r, stderr: r.stderr.replace(/^ping: /gm, 'ping6: ') };
  return r;
}

function runPingAs(ctx: CmdContext, argv: string[], sim: Simulator, cmdOpts: PingCommandOptions): CommandResult & { ping?: PingSummary } {
  const parsed = parsePingArgs(argv);
  if (!('targets' in parsed)) return parsed;
  const p = parsed;
  const warn = p.warnings.join('');
  if (p.targets.length === 0) return { exit: 1, stdout: '', stderr: `${warn}ping: usage error: Destination address required\n` };
  if (p.targets.length > 1) return unsupported('ping through a source route (several destinations)');
  const target = p.targets[0]!;
  const summary = (r: { transmitted: number; received: number } | null): PingSummary => ({
    from: ctx.ns.path,
    to: target,
    transmitted: r ? r.transmitted : 0,
    received: r ? r.received : 0,
  });
  const o = p.opts;
  // getaddrinfo(AF_UNSPEC) then the family -4/-6 (or the name ping6) asked for
  const v6 = p.family === 6 || (p.family === null && (cmdOpts.ping6 === true || target.includes(':')));
  if (p.family === 4 && target.includes(':') && !target.startsWith('-'))
    return { exit: 2, stdout: '', stderr: `${warn}ping: ${target}: Address family for hostname not supported\n`, ping: summary(null) };
  if (v6 && inetAton(target) !== null && !target.includes(':')) return { exit: 2, stdout: '', stderr: `${warn}ping: ${target}: Address family for hostname not supported\n`, ping: summary(null) };
  if (o.interval !== undefined && o.interval > 0 && o.interval < 0.01) return unsupported('ping -i below 10 ms (flood timing)');
  if (!o.count && !o.deadline) return unsupported('ping without -c or -w (it never ends)');
  if (v6) {
    if (o.broadcast) return unsupported('ping -b over IPv6');
    if (o.outstanding) return unsupported('ping -O over IPv6');
    if (o.recordRoute) return unsupported('ping -R over IPv6');
    if (o.source !== undefined) return unsupported('ping -I with an IPv4 address over IPv6');
    if (o.size !== undefined && o.size > 65527) return unsupported('ping -s larger than an IPv6 datagram');
    return runPing6(ctx.ns, sim, p, target, warn, cmdOpts.resolver);
  }
  if (p.source6 !== undefined) return unsupported('ping -I with an IPv6 address over IPv4');

  // getaddrinfo: numbers first, then /etc/hosts, then DNS (unreachable from a namespace)
  let dst = target.includes(':') ? null : inetAton(target);
  const hostname = target;
  let numeric = p.numeric;
  if (dst === null) {
    const hosts: Record<string, string> = { localhost: '127.0.0.1', ...(cmdOpts.hosts ?? {}) };
    const known = Object.hasOwn(hosts, target) ? inetAton(hosts[target]!) : null;
    if (known === null) {
      const why = (cmdOpts.resolver ?? 'EAI_AGAIN') === 'EAI_AGAIN' ? 'Temporary failure in name resolution' : 'Name or service not known';
      return { exit: 2, stdout: '', stderr: `${warn}ping: ${target}: ${why}\n`, ping: summary(null) };
    }
    dst = known;
  } else {
    numeric = true;
  }
  const reverse = (a: Ip4): string => {
    if (numeric) return ip4ToString(a);
    const hosts: Record<string, string> = { localhost: '127.0.0.1', ...(cmdOpts.hosts ?? {}) };
    for (const [name, addr] of Object.entries(hosts)) if (inetAton(addr) === a) return `${name} (${ip4ToString(a)})`;
    return `${ip4ToString(a)} (${ip4ToString(a)})`;
  };

  const r: PingResult = ping(sim, ctx.ns, dst, o);
  if (r.hung) return unsupported('ping that waits forever (-W 0 and no answer)');
  if (r.unmodelled) return unsupported(r.unmodelled);
  const stderr = warn + renderNotices(r);
  const fatal = renderFailure(r);
  if (fatal !== null) return { exit: 2, stdout: '', stderr: stderr + fatal, ping: summary(null) };
  // -R: the record-route option's 40 bytes ride in every probe
  const how = { hostname, name: reverse, quiet: p.quiet, audible: p.audible, optlen: o.recordRoute ? 40 : 0 };
  if (r.localErrors.length) return { exit: r.exit, stdout: renderRun(r, how), stderr: stderr + renderLocalErrors(r), ping: summary(r) };
  const stdout = renderRun(r, how);
  return { exit: r.exit, stdout, stderr, ping: summary(r) };
}
