/**
 * Intents about a service port: `reach` and `isolated` with `proto: tcp|udp` and `port: N`
 * ask what `nc -z -w 1` (`-u` for UDP) meets instead of what a ping does. `reach` holds when
 * the port answers as `answer` says (open by default; refused, unreachable or filtered to
 * state that a port is closed the way a rule or the lack of a listener closes it);
 * `isolated` holds when it is not open.
 *
 * ```yaml
 * expect:
 *   - reach: { from: c, to: 192.168.5.1, proto: tcp, port: 80 }
 *   - reach: { from: c, to: 10.5.0.2, proto: tcp, port: 24, answer: refused }
 *   - isolated: { from: c, to: 10.5.0.2, proto: tcp, port: 9000 }
 * ```
 *
 * The kernel's `nc -zu` tells a refused UDP port (ICMP port unreachable) from the rest only:
 * its answer there is `open|filtered`, which an intent for open or filtered accepts.
 */
import { ip4ToString, type Ip4 } from '../model/ip.js';
import type { LabModel } from '../model/lab-model.js';
import { probePort, type PortAnswer } from '../../sim/reach/l4.js';

export interface PortSpec {
  proto: 'tcp' | 'udp';
  port: number;
  /** what `reach` expects (null: open) */
  answer: PortAnswer | null;
}

/** What a prober observed: one of reach's answers, or the kernel's UDP open-or-filtered. */
export type ObservedAnswer = PortAnswer | 'open|filtered';

export interface PortReport {
  answer: ObservedAnswer;
  /** one line: what nc met */
  summary: string;
  why: string[];
}

const ANSWERS: readonly PortAnswer[] = ['open', 'refused', 'unreachable', 'filtered'];

/**
 * The port keys of a reach / isolated body: null when it has none (a ping intent), the spec, or
 * a problem. `proto: icmp` is the ping intent spelt out.
 */
export function parsePortKeys(kind: 'reach' | 'isolated', body: Record<string, unknown>): PortSpec | null | string {
  const { proto, port, answer } = body;
  if (proto === undefined && port === undefined && answer === undefined) return null;
  if (proto === 'icmp') {
    if (port !== undefined) return `${kind}: "port" does not go with proto icmp`;
    if (answer !== undefined) return `${kind}: "answer" goes with proto tcp or udp`;
    return null;
  }
  if (proto !== 'tcp' && proto !== 'udp') return `${kind}: "proto" must be tcp, udp or icmp (got ${JSON.stringify(proto)})`;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) return `${kind}: "port" must be a port number 1-65535 (got ${JSON.stringify(port)})`;
  if (answer !== undefined && !ANSWERS.includes(answer as PortAnswer)) return `${kind}: "answer" must be one of ${ANSWERS.join(', ')} (got ${JSON.stringify(answer)})`;
  return { proto, port, answer: (answer as PortAnswer | undefined) ?? null };
}

/** ` tcp/80` (and the answer wanted when it is not open), for the intent's name. */
export function describePort(s: PortSpec): string {
  return ` ${s.proto}/${s.port}${s.answer && s.answer !== 'open' ? ` ${s.answer}` : ''}`;
}

/** Whether what was observed is what the intent wants. */
export function judgePort(kind: 'reach' | 'isolated', s: PortSpec, r: PortReport): { holds: boolean; summary: string; why: string[] } {
  const want = s.answer ?? 'open';
  const seen = r.answer === 'open|filtered' ? ['open', 'filtered'] : [r.answer];
  if (kind === 'isolated') {
    const holds = r.answer !== 'open';
    return { holds, summary: holds ? r.summary : `the port is open: ${r.summary}`, why: r.why };
  }
  const holds = seen.includes(want);
  return { holds, summary: holds ? r.summary : `${want} wanted: ${r.summary}`, why: r.why };
}

/** The simulator's answer: probePort from a fresh state. */
export function simPortReport(model: LabModel, from: string, dst: Ip4, s: PortSpec): PortReport {
  const ns = model.netns(from)!;
  const p = probePort(model, ns, dst, s.proto, s.port);
  const e = p.endpoint;
  const by = e ? ` (answered by ${e.ns.path} ${ip4ToString(e.addr)}:${e.port})` : '';
  const errno = p.errno ? ` (${p.errno})` : '';
  return { answer: p.answer, summary: `nc -z${s.proto === 'udp' ? 'u' : ''} -w 1 ${ip4ToString(dst)} ${s.port} from ${from}: ${p.answer}${errno}${by}`, why: [] };
}

/** The kernel's `nc -z -v -w 1` (`-u`) in reach's words, from its exit status and stderr. */
export function kernelPortAnswer(proto: 'tcp' | 'udp', exit: number, stderr: string): ObservedAnswer {
  if (proto === 'udp') return exit === 0 ? 'open|filtered' : 'refused';
  if (exit === 0) return 'open';
  if (/Connection refused/.test(stderr)) return 'refused';
  if (/timed out/.test(stderr)) return 'filtered';
  return 'unreachable';
}
