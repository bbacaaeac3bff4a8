/**
 * IPv4 addresses as unsigned 32-bit numbers (host order), and text conversion that follows
 * iproute2's own parser (lib/utils.c `get_addr_ipv4`): "10.8" means 10.8.0.0, each part is read
 * with strtoul base 0 (so "010" is octal), and anything else is refused — which is what makes
 * `172.16.1..2` an error rather than a guess.
 */
export type Ip4 = number;

/**
 * Parses an IPv4 address the way iproute2 does; null when iproute2 would refuse it.
 *
 * @example
 * parseIp4('10.8');        // 0x0a080000: 10.8.0.0, as iproute2 reads it
 * parseIp4('172.16.1..2'); // null
 */
export function parseIp4(text: string): Ip4 | null {
  const bytes: [number, number, number, number] = [0, 0, 0, 0];
  let cp = text;
  for (let i = 0; i < 4; i++) {
    const m = /^\s*[+-]?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(cp);
    if (!m) return null;
    // the number itself, without the blanks and sign strtoul skips
    const tok = m[0].replace(/^\s*[+-]?/, '');
    let n: number;
    if (/^0[xX]/.test(tok)) n = parseInt(tok.slice(2), 16);
    else if (tok.length > 1 && tok[0] === '0') n = parseInt(tok, 8);
    else n = parseInt(tok, 10);
    if (/^\s*-/.test(m[0])) return null;
    if (!(n <= 255)) return null;
    bytes[i] = n;
    cp = cp.slice(m[0].length);
    if (cp === '') break;
    if (i === 3 || cp[0] !== '.') return null;
    cp = cp.slice(1);
  }
  return ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0;
}

/**
 * Dotted-quad text of an address.
 *
 * @example
 * ip4ToString(0x0a000001); // '10.0.0.1'
 */
export function ip4ToString(a: Ip4): string {
  return `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}`;
}

export function maskOf(len: number): number {
  return len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
}

export function networkOf(a: Ip4, len: number): Ip4 {
  return (a & maskOf(len)) >>> 0;
}

export function broadcastOf(a: Ip4, len: number): Ip4 {
  return (a | ~maskOf(len)) >>> 0;
}

export function inPrefix(a: Ip4, net: Ip4, len: number): boolean {
  return ((a ^ net) & maskOf(len)) === 0;
}

export function isMulticast(a: Ip4): boolean {
  return a >>> 28 === 0xe;
}

/** 224.0.0.0/24 (ipv4_is_local_multicast): groups never routed off the link. */
export function isLocalMulticast(a: Ip4): boolean {
  return a >>> 8 === 0xe00000;
}

/** 255.255.255.255, the limited broadcast (INADDR_BROADCAST). */
export const INADDR_BROADCAST = 0xffffffff;

export function isLoopbackNet(a: Ip4): boolean {
  return a >>> 24 === 127;
}

/** "A/P" or "A" (P = 32), as printed by iproute2 for routes: no "/32". */
export function prefixToString(a: Ip4, len: number): string {
  return len === 32 ? ip4ToString(a) : `${ip4ToString(a)}/${len}`;
}

/** A prefix as iproute2's get_prefix_1 reads it: `default`/`any`/`all`, `A`, `A/P`. */
export type ParsedPrefix = { addr: Ip4; len: number; lenGiven: boolean; keyword?: 'default' | 'any' | 'all' };

/**
 * Reads a prefix as iproute2 does (`default`/`any`/`all`, `A`, `A/P`); null when it would refuse it.
 *
 * @example
 * parsePrefix('10.0.0.0/24'); // { addr: 0x0a000000, len: 24, lenGiven: true }
 * parsePrefix('default');     // { addr: 0, len: 0, lenGiven: true, keyword: 'default' }
 */
export function parsePrefix(text: string): ParsedPrefix | null {
  const slash = text.indexOf('/');
  const head = slash >= 0 ? text.slice(0, slash) : text;
  if (head === 'default' || head === 'any' || head === 'all') {
    if (slash >= 0) return null;
    return { addr: 0, len: 0, lenGiven: head === 'default', keyword: head };
  }
  if (head.includes(':')) return null;
  const addr = parseIp4(head);
  if (addr === null) return null;
  if (slash < 0) return { addr, len: 32, lenGiven: false };
  const len = parseNetmask(text.slice(slash + 1));
  if (len === null) return null;
  return { addr, len, lenGiven: true };
}

/** get_netmask: a decimal length (get_unsigned, base 0) or a dotted mask with contiguous ones. */
function parseNetmask(text: string): number | null {
  if (/^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.test(text)) {
    const n = /^0[xX]/.test(text) ? parseInt(text, 16) : text.length > 1 && text[0] === '0' ? parseInt(text, 8) : parseInt(text, 10);
    return n <= 32 ? n : null;
  }
  if (text.includes('.')) {
    const m = parseIp4(text);
    if (m === null) return null;
    // mask2bits: contiguous ones only
    const inv = ~m >>> 0;
    if ((inv & (inv + 1)) !== 0) return null;
    let bits = 0;
    for (let x = m; x & 0x80000000; x = (x << 1) >>> 0) bits++;
    return bits;
  }
  return null;
}
