/** `nettwin explain FILE --from NS --to ADDR [--json]`: why one ping works or not, hop by hop. */
import { formatExplain, type ExplainResult } from '../twin/explain.js';
import { stepJson } from '../twin/explain-netfilter.js';
import type { Lab } from '../lab.js';
import type { Step } from '../exec/step.js';
import type { Ip4 } from '../model/ip.js';
import { ip4ToString, parseIp4 } from '../model/ip.js';
import { formatIp6, parseIp6, type Ip6 } from '../model/ipv6/ip6.js';
import { simulatedRun } from './lab-after.js';
import { missingRoute } from '../lint/route-history.js';
import { resolveNsName } from '../labfile/ns-names.js';
import { usageFailure } from './usage.js';

export interface ExplainOptions {
  from?: string;
  to?: string;
  json?: boolean;
  /** one event at a time (explain-step.ts) */
  step?: boolean;
  /** every event, hop by hop, after the verdict */
  verbose?: boolean;
  /** a lab file's setup scripts may be outside its folder */
  allowOutside?: boolean;
}

/** Exit status: 0 the ping gets a reply, 1 it does not, 2 bad options (or, thrown, a bad file). */
export async function explainCommand(file: string, opts: ExplainOptions): Promise<number> {
  if (!opts.from || !opts.to) return usageFailure('explain', 'give --from NS (host/NS, NS or host) and --to ADDR');
  const dst = opts.to.includes(':') ? parseIp6(opts.to) : parseIp4(opts.to);
  if (dst === null) return usageFailure('explain', `--to: ${JSON.stringify(opts.to)} is not an IPv4 or IPv6 address`);
  const { lab, steps } = await simulatedRun(file, { allowOutside: opts.allowOutside });
  const from = resolveNsName(
    lab.model.namespaces().map((ns) => ns.path),
    opts.from,
  );
  if (from.kind === 'error') return usageFailure('explain', `--from: ${from.message}`);
  const x = explainWithCause(lab, steps, from.path, dst);
  if (opts.step && !opts.json) {
    const { stepThrough } = await import('./explain-step.js');
    await stepThrough(x);
  } else if (opts.json) {
    const out = explainJson(x);
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    process.stdout.write(formatExplain(x, { verbose: opts.verbose }));
  }
  return x.disposition === 'reply' ? 0 : 1;
}

/** The explanation of one ping after the run, with a cause only the script's history shows. */
export function explainWithCause(lab: Lab, steps: Step[], from: string, dst: Ip4 | Ip6): ExplainResult {
  const x = lab.explain(from, dst);
  if (x.noRoute && !x.cause) {
    // a cause only the script's history shows: a route refused, an address deleted, a link moved
    const m = missingRoute(steps, lab.model.netns(x.noRoute.ns)!, x.noRoute.dst, `${ip4ToString(x.noRoute.dst)}/32`, null);
    if (m.why) x.cause = { why: `${m.why}${m.at ? ` (${m.at.file}:${m.at.line})` : ''}`, fix: m.fix };
  }
  return x;
}

/** What `explain --json` prints (and the web view steps through). */
export function explainJson(x: ExplainResult): object {
  const { ping, ...rest } = x;
  return {
    ...rest,
    hops: x.hops.map((h) => ({ ...h, steps: h.steps.map(stepJson) })),
    decisive: x.decisive && stepJson(x.decisive),
    dst: typeof x.dst === 'bigint' ? formatIp6(x.dst) : ip4ToString(x.dst),
    noRoute: x.noRoute && { ns: x.noRoute.ns, dst: ip4ToString(x.noRoute.dst) },
    ping: { exit: ping.exit, fatal: ping.fatal, transmitted: ping.transmitted, received: ping.received, errors: ping.errors, replies: ping.replies, errorLines: ping.errorLines },
  };
}
