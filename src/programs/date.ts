/**
 * GNU coreutils `date`: the time now, in its default form (`Mon Dec  7 18:13:35 UTC 2026`, the
 * C locale, UTC), as `+FORMAT` (the conversions of strftime without flags or widths), `-R`,
 * `-I[TIMESPEC]`, `--rfc-3339=TIMESPEC`, and `-d @SECONDS`. The simulator's time is its
 * virtual clock, which starts at the epoch: what `date` prints on a machine is its wall clock,
 * which nothing foretells, so a comparison masks it (adapters/linux/diff-steps.ts) and a value
 * made from it differs between the modes. Setting the clock (-s), files (-f, -r) and other
 * date strings are reported.
 */
import { unsupported } from '../iproute2/types.js';
import type { ProgramContext, ProgramResult } from './program.js';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const p2 = (n: number): string => String(n).padStart(2, '0');

/** One conversion of strftime (UTC), or null when nettwin does not model it. */
function conv(c: string, t: Date, ns: number): string | null {
  const Y = t.getUTCFullYear();
  const h = t.getUTCHours();
  const yday = Math.floor((t.getTime() - Date.UTC(Y, 0, 1)) / 86_400_000) + 1;
  switch (c) {
    case 'a':
      return DAYS[t.getUTCDay()]!.slice(0, 3);
    case 'A':
      return DAYS[t.getUTCDay()]!;
    case 'b':
    case 'h':
      return MONTHS[t.getUTCMonth()]!.slice(0, 3);
    case 'B':
      return MONTHS[t.getUTCMonth()]!;
    case 'c':
      return fmt('%a %b %e %H:%M:%S %Y', t, ns);
    case 'C':
      return p2(Math.floor(Y / 100));
    case 'd':
      return p2(t.getUTCDate());
    case 'D':
      return fmt('%m/%d/%y', t, ns);
    case 'e':
      return String(t.getUTCDate()).padStart(2);
    case 'F':
      return fmt('%Y-%m-%d', t, ns);
    case 'H':
      return p2(h);
    case 'I':
      return p2(h % 12 || 12);
    case 'j':
      return String(yday).padStart(3, '0');
    case 'k':
      return String(h).padStart(2);
    case 'l':
      return String(h % 12 || 12).padStart(2);
    case 'm':
      return p2(t.getUTCMonth() + 1);
    case 'M':
      return p2(t.getUTCMinutes());
    case 'n':
      return '\n';
    case 'N':
      return String(ns).padStart(9, '0');
    case 'p':
      return h < 12 ? 'AM' : 'PM';
    case 'R':
      return fmt('%H:%M', t, ns);
    case 's':
      return String(Math.floor(t.getTime() / 1000));
    case 'S':
      return p2(t.getUTCSeconds());
    case 't':
      return '\t';
    case 'T':
      return fmt('%H:%M:%S', t, ns);
    case 'u':
      return String(t.getUTCDay() || 7);
    case 'w':
      return String(t.getUTCDay());
    case 'y':
      return p2(Y % 100);
    case 'Y':
      return String(Y);
    case 'z':
      return '+0000';
    case ':':
      return null;
    case 'Z':
      return 'UTC';
    case '%':
      return '%';
    default:
      return null;
  }
}

/** strftime over the format; null when a conversion is not modelled */
function fmt(format: string, t: Date, ns: number): string | null {
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch !== '%') {
      out += ch;
      continue;
    }
    const c = format[++i];
    if (c === undefined) return `${out}%`;
    const v = conv(c, t, ns);
    if (v === null) return null;
    out += v;
  }
  return out;
}

const ISO: Record<string, string> = { date: '%Y-%m-%d', hours: '%Y-%m-%dT%H+00:00', minutes: '%Y-%m-%dT%H:%M+00:00', seconds: '%Y-%m-%dT%H:%M:%S+00:00', ns: '%Y-%m-%dT%H:%M:%S,%N+00:00' };
const RFC3339: Record<string, string> = { date: '%Y-%m-%d', seconds: '%Y-%m-%d %H:%M:%S+00:00', ns: '%Y-%m-%d %H:%M:%S.%N+00:00' };

/** `date ARGS` (argv without "date"): the namespace's clock is the simulator's. */
export function runDate(ctx: ProgramContext, argv: string[]): ProgramResult {
  let format = '%a %b %e %H:%M:%S %Z %Y';
  let us = ctx.sim.now;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('+')) format = a.slice(1);
    else if (a === '-u' || a === '--utc' || a === '--universal') continue;
    else if (a === '-R' || a === '--rfc-email') format = '%a, %d %b %Y %H:%M:%S %z';
    else if (/^(-I|--iso-8601(=|$))/.test(a)) {
      const spec = a.replace(/^(-I|--iso-8601=?)/, '') || 'date';
      const f = Object.entries(ISO).find(([k]) => k.startsWith(spec) && spec !== '')?.[1];
      if (!f) return unsupported(`date ${a}`);
      format = f;
    } else if (a.startsWith('--rfc-3339=') && RFC3339[a.slice(11)]) format = RFC3339[a.slice(11)]!;
    else if ((a === '-d' || a === '--date') && /^@\d+$/.test(argv[i + 1] ?? '')) us = Number(argv[++i]!.slice(1)) * 1e6;
    else if (/^(-d|--date=)@\d+$/.test(a)) us = Number(a.replace(/^(-d|--date=)@/, '')) * 1e6;
    else return unsupported(`date ${a}`);
  }
  const t = new Date(Math.floor(us / 1000));
  const text = fmt(format, t, Math.floor(us % 1e6) * 1000);
  if (text === null) return unsupported(`date +${format} (a conversion nettwin does not print)`);
  return { exit: 0, stdout: `${text}\n`, stderr: '' };
}
