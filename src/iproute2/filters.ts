/**
 * What a `show` command selects, as the parser hands it to the renderers. Fields mirror
 * iproute2's own `struct filter`s (ip/ipaddress.c, ip/iproute.c, ip/ipneigh.c); a null field
 * selects everything. Names stay names (devices), as iproute2 resolves them only when it
 * filters the dump.
 */
import type { Ip4 } from '../model/ip.js';
import type { Ip6 } from '../model/ipv6/ip6.js';
import type { RouteType } from '../model/route.js';

/** A prefix given on a command line: `10.0.0.0/24`, or an address (len 32); an IPv6 one has `addr6`. */
export interface PrefixArg {
  addr: Ip4;
  len: number;
  addr6?: Ip6;
}

/**
 * `ip link show` / `ip addr show` selectors (ipaddr_list_flush_or_save).
 * The address-only fields are left undefined by `ip link show`.
 */
export interface LinkFilter {
  /** `dev X` or a bare name */
  dev: string | null;
  /** `up`: only IFF_UP links */
  up: boolean;
  /** `master BR` */
  master: string | null;
  /** `type KIND` (`ip link show type bridge`) */
  type: string | null;
  /** `nomaster`: only links without a master */
  nomaster?: boolean;
  /** `ip addr show`: `scope S` (numeric, SCOPE.*) */
  scope?: number | null;
  /** `ip addr show`: `to PREFIX` */
  to?: PrefixArg | null;
  /** `ip addr show`: `label PATTERN` (fnmatch pattern) */
  label?: string | null;
  /** `ip addr show`: `primary` (true) / `secondary` (false) */
  primary?: boolean | null;
  /** `ip addr show`: `permanent` (true) / `dynamic` (false) */
  permanent?: boolean | null;
  /** `ip addr show`: get_filter's flag words (`tentative`, `-dadfailed`, `primary` …): filter.flags and filter.flagmask */
  addrFlags?: { flags: number; mask: number } | null;
}

/** A fresh LinkFilter that selects everything. */
export function emptyLinkFilter(): LinkFilter {
  return { dev: null, up: false, master: null, type: null };
}

/** `ip route show|list` selectors (iproute_list_flush_or_save). */
export interface RouteFilter {
  /** table id; `'all'` for `table all` (or `table 0`); null = main (the default) */
  table: number | 'all' | null;
  /** `dev X` / `oif X` */
  dev: string | null;
  /** `iif X` */
  iif: string | null;
  /** `proto P` (numeric, PROTO.*) */
  protocol: number | null;
  /** `scope S` (numeric, SCOPE.*) */
  scope: number | null;
  /** `type T` */
  type: RouteType | null;
  /** `vrf NAME`: its table without the local and broadcast routes (iproute_list_flush_or_save's typemask) */
  vrfOnly?: boolean;
  /** `via GW` (a prefix, as iproute2 reads it with get_prefix: `via 10.0.0.0/24` matches any
   * gateway inside; a bare address is /32) */
  via: PrefixArg | null;
  /** `src S` (a prefix, like `via`) */
  src: PrefixArg | null;
  /** `metric N` */
  metric: number | null;
  /** `tos T` */
  tos: number | null;
  /** `mark M` */
  mark?: number | null;
  /** `root P`: routes inside P (dst within P, length >= P's) */
  root: PrefixArg | null;
  /** `match P`: routes that contain P (length <= P's, P within the route) */
  match: PrefixArg | null;
  /** `exact P` or a bare prefix (`ip route show 10.0.0.0/24`): this very prefix */
  exact: PrefixArg | null;
  /** `-4` / `-6` / none */
  family: 'inet' | 'inet6' | null;
}

/** A fresh RouteFilter that selects what `ip route show` shows with no arguments. */
export function emptyRouteFilter(): RouteFilter {
  return {
    table: null,
    dev: null,
    iif: null,
    protocol: null,
    scope: null,
    type: null,
    via: null,
    src: null,
    metric: null,
    tos: null,
    root: null,
    match: null,
    exact: null,
    family: null,
  };
}

/** `ip route get ADDR [from S] [iif X] [oif X] [tos T] [mark M] [connected] [fibmatch]`. */
export interface RouteGetArgs {
  dst: Ip4;
  /** `from S` */
  from: Ip4 | null;
  /** `iif X`: simulate a packet arriving on X */
  iif: string | null;
  /** `oif X` / `dev X` */
  oif: string | null;
  /** `tos T` / `dsfield T` */
  tos: number;
  /** `mark M` */
  mark: number;
  /** `connected`: answer with the route back to the source */
  connected: boolean;
  /** `fibmatch`: print the matching FIB entry instead of the resolved route */
  fibmatch: boolean;
}

/** `ip neigh show` selectors (do_show_or_flush). */
export interface NeighFilter {
  /** `dev X` */
  dev: string | null;
  /** `to PREFIX` or a bare prefix */
  to: PrefixArg | null;
  /** `nud STATE`: lowercase state names; null = default (everything but noarp/none) */
  states: string[] | null;
  /** `proxy` */
  proxy: boolean;
  /** `unused` */
  unused: boolean;
  /** `master BR` */
  master: string | null;
}

/** A fresh NeighFilter that selects what `ip neigh show` shows with no arguments. */
export function emptyNeighFilter(): NeighFilter {
  return { dev: null, to: null, states: null, proxy: false, unused: false, master: null };
}
