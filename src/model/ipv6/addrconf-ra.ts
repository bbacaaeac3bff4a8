/**
 * What a router advertisement that a device accepted changes (net/ipv6/ndisc.c
 * ndisc_router_discovery's default router and hop limit; net/ipv6/route.c rt6_add_dflt_router,
 * rt6_get_dflt_router; net/ipv6/addrconf.c addrconf_prefix_rcv, addrconf_prefix_rcv_add_addr;
 * RFC 4861 §6.3.4, RFC 4862 §5.5.3):
 * - the default router: `default via SRC dev D proto ra metric ra_defrtr_metric expires LIFETIME
 *   hoplimit H pref P` in table main, refreshed (expiry, preference) by the next RA from the
 *   same router, removed by one with router lifetime 0 or when it expires;
 * - a cur hop limit other than 0 (not below accept_ra_min_hop_limit) becomes the device's
 *   hop_limit and the default route's hoplimit metric;
 * - a prefix with the on-link flag: `P/L dev D proto kernel metric 256` expiring with the valid
 *   lifetime (none when infinite), refreshed by the next, removed by valid lifetime 0;
 * - expired routes stay listed until the gc takes them (fib6-gc.ts);
 * - a /64 prefix with the autonomous flag (and autoconf on the device): a SLAAC address, the
 *   prefix and the device's interface id (EUI-64 of its MAC; with addr_gen_mode stable_secret
 *   the RFC 7217 id of the secret and the prefix, stable-privacy.ts — EUI-64 without a secret;
 *   with random a reproducible stand-in id), `dynamic mngtmpaddr`, with the prefix's lifetimes,
 *   going through DAD; no prefix route of its own. The next RA refreshes its lifetimes, the
 *   valid one never cut below two hours (or what is left, if less) by an advertisement.
 */
import type { Link } from '../link.js';
import type { Route6, RoutePref } from './fib6.js';
import { fib6Add } from './fib6.js';
import { TABLE6 } from './inet6-ns.js';
import { FOREVER, IFA6, lifetimeLeft } from './inet6-dev.js';
import { ip6Bytes, ip6FromBytes, ip6Network, isIp6LinkLocal, isIp6Multicast, type Ip6 } from './ip6.js';
import { addAddress6, scheduleLifetimes } from './addrconf.js';
import { deleteRoute6, PRIO_ADDRCONF } from './kernel-routes6.js';
import { eui64LinkLocal } from './link-local.js';
import { fib6StartGc } from './fib6-gc.js';
import { now6 } from './port6.js';
import { drawRandomSecret, randomIid, stableAddress } from './stable-privacy.js';

/** RTPROT_RA */
const PROTO_RA = 9;
/** MIN_VALID_LIFETIME: an advertisement does not cut a SLAAC address's valid lifetime below two hours */
const MIN_VALID_LIFETIME = 2 * 3600;

/** The RA fields addrconf looks at (the ICMPv6 message, already checked by ndisc). */
export interface RaInfo {
  /** the router: the RA's link-local source */
  router: Ip6;
  curHopLimit: number;
  /** seconds, 0: not a default router */
  routerLifetime: number;
  pref: RoutePref;
}

export interface RaPrefix {
  prefix: Ip6;
  prefixLen: number;
  onLink: boolean;
  autonomous: boolean;
  validLft: number;
  preferredLft: number;
}

/** rt6_get_dflt_router: the RA default route of this router through the device. */
function dfltRouter(dev: Link, gw: Ip6): Route6 | null {
  for (const r of dev.ns.inet6.table(TABLE6.main).leaf(0n, 0)) if (r.raDefault && r.dev === dev && r.gateway === gw) return r;
  return null;
}

/** ndisc_router_discovery from the lifetime check to skip_defrtr: the default route and the hop limit. */
export function raDefaultRouter(dev: Link, ra: RaInfo): void {
  const c = dev.inet6.conf;
  const now = now6(dev);
  let rt: Route6 | null = null;
  const lifetime = ra.routerLifetime;
  if (c.accept_ra_defrtr && !(lifetime !== 0 && lifetime < c.accept_ra_min_lft)) {
    rt = dfltRouter(dev, ra.router);
    if (rt && lifetime === 0) {
      deleteRoute6(dev, rt);
      rt = null;
    }
    if (!rt && lifetime) {
      rt = {
        table: TABLE6.main,
        type: 'unicast',
        dst: 0n,
        dstLen: 0,
        metric: c.ra_defrtr_metric,
        protocol: PROTO_RA,
        dev,
        gateway: ra.router,
        prefsrc: null,
        expires: null,
        mtu: null,
        hoplimit: null,
        pref: ra.pref,
        prefixRt: false,
        raDefault: true,
        onlink: false,
      };
      fib6Add(dev.ns.inet6.table(TABLE6.main), rt, { excl: false, replace: false, create: true });
    } else if (rt) rt.pref = ra.pref;
    if (rt) {
      rt.expires = now + lifetime * 1e6;
      fib6StartGc(dev.ns);
    }
  }
  if (ra.curHopLimit && c.accept_ra_min_hop_limit < 256 && c.accept_ra_min_hop_limit <= ra.curHopLimit) {
    c.hop_limit = ra.curHopLimit;
    if (rt) rt.hoplimit = ra.curHopLimit;
  }
  dev.ns.touch();
}

/** addrconf_prefix_rcv for one prefix information option. */
export function raPrefix(dev: Link, p: RaPrefix): void {
  const c = dev.inet6.conf;
  if (p.prefixLen > 128) return;
  const prefix = ip6Network(p.prefix, p.prefixLen);
  if (isIp6Multicast(prefix) || isIp6LinkLocal(prefix)) return;
  if (p.preferredLft > p.validLft) return;
  if (p.validLft !== 0 && p.validLft < c.accept_ra_min_lft) return;
  const now = now6(dev);
  if (p.onLink) {
    const t = dev.ns.inet6.table(TABLE6.main);
    let rt = t.leaf(prefix, p.prefixLen).find((r) => r.dev === dev && r.prefixRt && !r.raDefault && r.gateway === null) ?? null;
    const expires = p.validLft === FOREVER ? null : now + p.validLft * 1e6;
    if (rt) {
      if (p.validLft === 0) deleteRoute6(dev, rt);
      else {
        rt.expires = expires;
        fib6StartGc(dev.ns);
      }
    } else if (p.validLft && dev.up) {
      rt = {
        table: TABLE6.main,
        type: 'unicast',
        dst: prefix,
        dstLen: p.prefixLen,
        metric: PRIO_ADDRCONF,
        protocol: 2,
        dev,
        gateway: null,
        prefsrc: null,
        expires,
        mtu: null,
        hoplimit: null,
        pref: 'medium',
        prefixRt: true,
        raDefault: false,
        onlink: false,
      };
      fib6Add(t, rt, { excl: false, replace: false, create: true });
      fib6StartGc(dev.ns);
    }
  }
  if (p.autonomous && c.autoconf && p.prefixLen === 64) slaac(dev, prefix, p);
  dev.ns.touch();
}

/** The interface id SLAAC puts after the prefix, with the flag it brings. */
function interfaceId(dev: Link, prefix: Ip6): { iid: number[]; flags: number } | null {
  const mode = dev.inet6.conf.addr_gen_mode;
  // random (3) is stable privacy with a secret drawn at random (ipv6_gen_mode_random_init)
  if (mode === 3) drawRandomSecret(dev);
  // stable privacy without a secret falls back to EUI-64 (addrconf_prefix_rcv_add_addr's order)
  const stable = mode === 2 || mode === 3 ? stableAddress(dev, prefix) : null;
  if (stable !== null) return { iid: ip6Bytes(stable).slice(8), flags: IFA6.STABLE_PRIVACY };
  if (dev.noarp || dev.kind === 'loopback') return null;
  return { iid: ip6Bytes(eui64LinkLocal(dev.mac, dev.devId)).slice(8), flags: 0 };
}

/** addrconf_prefix_rcv_add_addr: a new SLAAC address, or the lifetimes of the one there. */
function slaac(dev: Link, prefix: Ip6, p: RaPrefix): void {
  const id = interfaceId(dev, prefix);
  if (!id) return;
  const addr = ip6FromBytes([...ip6Bytes(prefix).slice(0, 8), ...id.iid]);
  const have = dev.inet6.addrs.find((a) => a.addr === addr);
  if (!have) {
    if (p.validLft === 0) return;
    const max = dev.inet6.conf.max_addresses;
    if (max && dev.inet6.addrs.length >= max) return;
    const a = addAddress6(dev, {
      addr,
      prefixLen: 64,
      peer: null,
      flags: IFA6.MANAGETEMPADDR | id.flags,
      validLft: p.validLft,
      preferredLft: p.preferredLft,
      metric: 0,
      kernelRa: true,
    });
    if (randomIid(dev, addr, a.flags, IFA6.STABLE_PRIVACY)) a.randomIid = true;
    return;
  }
  if (have.flags & IFA6.PERMANENT) return;
  const now = now6(dev);
  const stored = lifetimeLeft(have.validLft, have.tstamp, now);
  let valid = p.validLft;
  if (stored !== 0) valid = Math.max(valid, Math.min(stored, MIN_VALID_LIFETIME));
  have.validLft = valid;
  have.preferredLft = Math.min(p.preferredLft, valid);
  have.tstamp = now;
  if (have.preferredLft !== 0) have.flags &= ~IFA6.DEPRECATED;
  else have.flags |= IFA6.DEPRECATED;
  scheduleLifetimes(dev, have);
}
