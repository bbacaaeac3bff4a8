import type { Ip4 } from './ip.js';

/** Address scopes as the kernel numbers them (rtnetlink.h RT_SCOPE_*). */
export const SCOPE = { global: 0, site: 200, link: 253, host: 254, nowhere: 255 } as const;

/**
 * An IPv4 address on an interface (struct in_ifaddr).
 *
 * @example
 * const lo = new Lab().host('h').ns().ns.linkByName('lo')!;
 * const a = lo.addrs[0];
 * `${ip4ToString(a.local)}/${a.prefixLen}`; // '127.0.0.1/8'
 */
export interface Addr {
  local: Ip4;
  /** peer address (`peer P`), else equal to local */
  address: Ip4;
  prefixLen: number;
  scope: number;
  secondary: boolean;
  label: string;
  /** explicit broadcast (`brd`), or null */
  broadcast: Ip4 | null;
  noprefixroute: boolean;
  metric: number;
}

export function scopeName(scope: number): string {
  switch (scope) {
    case 0:
      return 'global';
    case 200:
      return 'site';
    case 253:
      return 'link';
    case 254:
      return 'host';
    case 255:
      return 'nowhere';
    default:
      return String(scope);
  }
}
