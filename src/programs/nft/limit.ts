/**
 * nft's `limit` statement (nftables 1.0.6): `limit rate [over] N/second|minute|hour|day|week
 * [burst N packets]` and its byte form `limit rate [over] N bytes|kbytes|mbytes/UNIT [burst N
 * bytes|kbytes|mbytes]`, read into the model's limit and printed back as nft lists it (the
 * default packet burst, 5, is not printed). iptables-nft's `-m limit` lists the same way. A
 * statement nft refuses is reported not modelled (its error's caret is not reproduced).
 */
import type { LimitMatch } from '../../model/netfilter/match.js';
import { NftUnmodelled, type Cursor } from './words.js';

const UNITS: Record<string, number> = { second: 1, minute: 60, hour: 3600, day: 86400, week: 604800 };
const BYTE_UNITS: Record<string, number> = { bytes: 1, kbytes: 1024, mbytes: 1024 * 1024 };
const DEFAULT_BURST = 5;

/** The words after `limit`, read as nft's parser does. */
export function parseLimit(c: Cursor): { match: LimitMatch; text: string } {
  if (c.word() !== 'rate') throw new NftUnmodelled("nft limit: unexpected limit, expecting rate (nft's error and its position are not modelled)");
  let over = false;
  if (c.peek()?.text === 'over') {
    c.next();
    over = true;
  } else if (c.peek()?.text === 'until') c.next();
  const first = c.word();
  let rate: number;
  let unitWord: string;
  let bytes = false;
  const slash = first.indexOf('/');
  if (slash >= 0) {
    rate = intOf(first.slice(0, slash));
    unitWord = first.slice(slash + 1);
  } else {
    // `1 mbytes/second`: a number, then BYTES/UNIT
    rate = intOf(first);
    const w = c.word();
    const s2 = w.indexOf('/');
    const bu = BYTE_UNITS[s2 < 0 ? w : w.slice(0, s2)];
    if (bu === undefined || s2 < 0) throw new NftUnmodelled("nft limit: unexpected string (nft's error and its position are not modelled)");
    rate *= bu;
    bytes = true;
    unitWord = w.slice(s2 + 1);
  }
  const unit = UNITS[unitWord];
  if (unit === undefined) throw new NftUnmodelled("nft limit: unexpected string (nft's error and its position are not modelled)");
  let burst = 0;
  if (c.peek()?.text === 'burst') {
    c.next();
    const n = intOf(c.word());
    const what = c.word();
    if (bytes) {
      const bu = BYTE_UNITS[what];
      if (bu === undefined) throw new NftUnmodelled("nft limit: unexpected string (nft's error and its position are not modelled)");
      burst = n * bu;
    } else {
      if (what !== 'packets') throw new NftUnmodelled("nft limit: unexpected string, expecting packets (nft's error and its position are not modelled)");
      if (n === 0) throw new NftUnmodelled("nft limit: packet limit burst must be > 0 (nft's error and its position are not modelled)");
      burst = n;
    }
  }
  if (rate === 0) throw new NftUnmodelled("nft limit: Could not process rule: Invalid argument (nft's error and its position are not modelled)");
  const match: LimitMatch = { kind: 'limit', rate, unit, burst: bytes ? burst : burst || DEFAULT_BURST, over, bytes, xt: null };
  return { match, text: limitText(match) };
}

function intOf(s: string): number {
  if (!/^\d+$/.test(s)) throw new NftUnmodelled("nft limit: unexpected string (nft's error and its position are not modelled)");
  return Number(s);
}

/** nft's words for a limit (limit_stmt_print). */
export function limitText(m: LimitMatch): string {
  const unit = Object.entries(UNITS).find(([, v]) => v === m.unit)?.[0] ?? 'second';
  if (m.bytes) {
    const burst = m.burst ? ` burst ${byteUnits(m.burst).join(' ')}` : '';
    return `limit rate ${m.over ? 'over ' : ''}${byteUnits(m.rate).join(' ')}/${unit}${burst}`;
  }
  return `limit rate ${m.over ? 'over ' : ''}${m.rate}/${unit}${m.burst && m.burst !== DEFAULT_BURST ? ` burst ${m.burst} packets` : ''}`;
}

/** get_rate: the largest of bytes, kbytes, mbytes that divides the value. */
function byteUnits(v: number): [number, string] {
  const names = ['bytes', 'kbytes', 'mbytes'];
  let i = 0;
  while (i < names.length - 1 && v >= 1024 && v % 1024 === 0) {
    v /= 1024;
    i++;
  }
  return [v, names[i]!];
}
