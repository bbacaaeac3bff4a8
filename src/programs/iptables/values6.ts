/**
 * ip6tables' addresses (libxtables xtables_ip6parse_multiple, xtables_ip6addr_to_numeric,
 * xtables_ip6mask_to_numeric): a comma list of addresses, each with a prefix length or an
 * address-shaped mask that need not be a prefix; shown as `addr/len`, `addr/mask` or (with
 * no mask) the address alone.
 */
import { formatIp6, ip6Mask, parseIp6 } from '../../model/ipv6/ip6.js';
import type { Addr6 } from '../../model/netfilter/rule.js';
import { PARAMETER_PROBLEM, xtError, type Flavour } from './errors.js';
import { strtoui } from './values.js';

/** The IPv6 address a name has offline (the sandbox's /etc/hosts), or null. */
function hostAddr6(name: string): bigint | null {
  return name === 'localhost' || name === 'ip6-localhost' || name === 'ip6-loopback' ? 1n : null;
}

/** The prefix length of a contiguous mask, or -1. */
export function mask6Len(mask: bigint): number {
  for (let len = 0; len <= 128; len++) if (ip6Mask(len) === mask) return len;
  return -1;
}

function parseMask6(f: Flavour, m: string | null, line: number): bigint {
  if (m === null) return ip6Mask(128);
  const a = parseIp6(m);
  if (a !== null) return a;
  const bits = strtoui(m, 0, 128);
  if (bits === null) throw xtError(f, PARAMETER_PROBLEM, `invalid mask \`${m}' specified`, line);
  return ip6Mask(bits);
}

/** xtables_ip6parse_multiple: every address (masked, as the kernel keeps it) of a comma list. */
export function parseAddrs6(f: Flavour, text: string, line = -1): Addr6[] {
  const out: Addr6[] = [];
  for (const raw of text.split(',')) {
    const word = raw.replace(/^\s+/, '');
    if (word.length > 255) throw xtError(f, PARAMETER_PROBLEM, 'Hostname too long', line);
    const slash = word.lastIndexOf('/');
    const mask = parseMask6(f, slash < 0 ? null : word.slice(slash + 1), line);
    const host = mask === 0n ? '::' : slash < 0 ? word : word.slice(0, slash);
    const a = parseIp6(host) ?? hostAddr6(host);
    if (a === null) throw xtError(f, PARAMETER_PROBLEM, `host/network \`${host}' not found`, line);
    out.push({ addr: a & mask, mask });
  }
  return out;
}

/** xtables_ip6mask_to_numeric: `/64`, `/ffff:0:ffff::` when not a prefix, nothing for /128. */
export function mask6ToNumeric(mask: bigint): string {
  const len = mask6Len(mask);
  if (len === 128) return '';
  return len < 0 ? `/${formatIp6(mask)}` : `/${len}`;
}

/** The address as -S and ip6tables-save write it: always with its mask. */
export function saveAddr6(a: Addr6): string {
  const len = mask6Len(a.mask);
  return `${formatIp6(a.addr)}/${len < 0 ? formatIp6(a.mask) : len}`;
}
