/**
 * What ping prints for a run, byte for byte as iputils 20221126 does (ping_common.c
 * gather_statistics for each reply line, finish for the statistics), from the simulator's
 * answer; the words for failures, warnings and ICMP errors are words.ts's. Only the times
 * differ from a real run: `maskPingTimes` hides them for comparisons.
 */
import { ip4ToString, type Ip4 } from '../../model/ip.js';
import type { PingResult } from '../../../sim/ping.js';
import type { PingStatistics } from '../../../sim/ping-tally.js';
import { errorLine, failureText, noticeText } from './words.js';

/** C's %g for the loss percentage (printed from a float). */
export function fmtG(x: number): string {
  const f = Math.fround(x);
  if (f === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(f)));
  if (exp < -4 || exp >= 6) {
    const [m, e] = f.toExponential(5).split('e');
    const mant = m!.includes('.') ? m!.replace(/0+$/, '').replace(/\.$/, '') : m!;
    const en = Number(e);
    return `${mant}e${en < 0 ? '-' : '+'}${String(Math.abs(en)).padStart(2, '0')}`;
  }
  const s = f.toFixed(Math.max(0, 5 - exp));
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** gather_statistics' time format. */
export function fmtTime(us: number): string {
  if (us >= 100000 - 50) return `${Math.trunc((us + 500) / 1000)}`;
  if (us >= 10000 - 5) {
    const v = us + 50;
    return `${Math.trunc(v / 1000)}.${Math.trunc((v % 1000) / 100)}`;
  }
  if (us >= 1000) {
    const v = us + 5;
    return `${Math.trunc(v / 1000)}.${String(Math.trunc((v % 1000) / 10)).padStart(2, '0')}`;
  }
  return `${Math.trunc(us / 1000)}.${String(us % 1000).padStart(3, '0')}`;
}

/** A time in µs as milliseconds with three decimals (finish()'s rtt figures). */
export function ms3(us: number): string {
  return `${Math.trunc(us / 1000)}.${String(Math.trunc(us) % 1000).padStart(3, '0')}`;
}

/** How the run is printed: the name as typed, how addresses read, -q, -a. */
export interface PingRendering {
  hostname: string;
  /** an address as ping prints it in reply and error lines (numeric, or `name (a.b.c.d)`) */
  name: (a: Ip4) => string;
  quiet: boolean;
  audible: boolean;
  /** the IP options' bytes in each probe (40 with -R), counted in the header's total */
  optlen?: number;
}

/** The stderr lines before the header (the option warnings come first, from the caller). */
export function renderNotices(r: PingResult): string {
  return r.notices.map((n) => `${noticeText(n)}\n`).join('');
}

/** What ping prints on stderr when it gives up before its first probe, or null. */
export function renderFailure(r: PingResult): string | null {
  return r.failure ? `ping: ${failureText(r.failure)}\n` : null;
}

/** What ping prints on stderr for probes sendmsg refused: too long (`-M do`), or dropped by the device. */
export function renderLocalErrors(r: PingResult): string {
  return r.localErrors.map((e) => (e.kind === 'EMSGSIZE' ? `ping: local error: message too long, mtu=${e.mtu}\n` : 'ping: sendmsg: No buffer space available\n')).join('');
}

/** Everything ping prints on stdout for a run that got past its socket setup. */
/** One reply as iputils prints it: size, source, sequence, TTL, time, (DUP!), (DIFFERENT ADDRESS!), a bell with -a. */
export function replyLine(e: { bytes: number; seq: number; ttl: number; timeUs: number | null; dup?: boolean; wrongSource?: boolean }, from: string, audible: boolean): string {
  let out = `${e.bytes} bytes from ${from}: icmp_seq=${e.seq} ttl=${e.ttl}`;
  if (e.timeUs !== null) out += ` time=${fmtTime(e.timeUs)} ms`;
  if (e.dup) out += ' (DUP!)';
  if (e.wrongSource) out += ' (DIFFERENT ADDRESS!)';
  return out + (audible ? '\x07\n' : '\n');
}

/** The statistics block: `--- HOST ping statistics ---`, the counts and loss, rtt, pipe, ipg/ewma. */
export function statistics(hostname: string, r: PingStatistics): string {
  let out = '';
  out += `\n--- ${hostname} ping statistics ---\n`;
  out += `${r.transmitted} packets transmitted, ${r.received} received`;
  if (r.duplicates) out += `, +${r.duplicates} duplicates`;
  if (r.errors) out += `, +${r.errors} errors`;
  if (r.transmitted) {
    out += `, ${fmtG(((r.transmitted - r.received) * 100) / r.transmitted)}% packet loss`;
    out += `, time ${r.timeMs}ms`;
  }
  out += '\n';
  let comma = '';
  if (r.rtt) {
    out += `rtt min/avg/max/mdev = ${ms3(r.rtt.minUs)}/${ms3(r.rtt.avgUs)}/${ms3(r.rtt.maxUs)}/${ms3(r.rtt.mdevUs)} ms`;
    comma = ', ';
  }
  if (r.pipe > 1) {
    out += `${comma}pipe ${r.pipe}`;
    comma = ', ';
  }
  if (r.ipg) out += `${comma}ipg/ewma ${ms3(r.ipg.ipgUs)}/${ms3(r.ipg.ewmaUs)} ms`;
  out += '\n';
  return out;
}

export function renderRun(r: PingResult, how: PingRendering): string {
  let out = `PING ${how.hostname} (${ip4ToString(r.dst)}) `;
  if (r.bound) out += `from ${ip4ToString(r.source)} ${r.device ?? ''}: `;
  out += `${r.size}(${r.size + 28 + (how.optlen ?? 0)}) bytes of data.\n`;
  // -O's notes are printed by pinger before the probe goes out, -q or not: between the lines
  // read before that moment and the ones read after
  const notes = r.outstanding;
  let n = 0;
  const notesUntil = (t: number): void => {
    for (; n < notes.length && notes[n]!.t < t; n++) out += `no answer yet for icmp_seq=${notes[n]!.seq}\n`;
  };
  let lastRoute: string | null = null;
  for (const e of r.events) {
    notesUntil(e.t);
    if (!how.quiet) {
      if (e.kind === 'reply') {
        const line = replyLine(e, how.name(e.from), how.audible);
        if (!e.rr) {
          out += line;
          continue;
        }
        // pr_options: a route like the last one printed is "(same route)", any other is listed
        const route = e.rr.map(how.name).join('\n\t');
        out += line.slice(0, -1) + (route === lastRoute ? '\t(same route)\n' : `\nRR: \t${route}\n\n`);
        lastRoute = route;
      } else {
        out += `${errorLine(e, how.name)}\n`;
      }
    }
  }
  notesUntil(Infinity);
  return out + statistics(how.hostname, r);
}

/**
 * Masks what differs between two runs of the same ping: round-trip times, the `time Nms` of the
 * summary, and the rtt/ipg statistics. Everything else (counts, errors, pipe) must match.
 *
 * @example
 * maskPingTimes('64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=0.040 ms\n')
 * // '64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=X ms\n'
 */
export function maskPingTimes(text: string): string {
  return text
    .replace(/ time=\d+(?:\.\d+)? ms/g, ' time=X ms')
    .replace(/, time \d+ms/g, ', time Xms')
    .replace(/rtt min\/avg\/max\/mdev = [\d.]+\/[\d.]+\/[\d.]+\/[\d.]+ ms/g, 'rtt min/avg/max/mdev = X/X/X/X ms')
    .replace(/ipg\/ewma [\d.]+\/[\d.]+ ms/g, 'ipg/ewma X/X ms');
}
