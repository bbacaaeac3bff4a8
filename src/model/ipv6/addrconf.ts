/**
 * addrconf: the kernel's IPv6 address configuration, as device events drive it
 * (net/ipv6/addrconf.c addrconf_notify, addrconf_ifdown, addrconf_dev_config,
 * addrconf_permanent_addr, addrconf_dad_start/begin/completed/stop; RFC 4862).
 *
 * - NETDEV_UP: permanent addresses kept from before get their prefix routes back; if the link
 *   is ready (operstate UP or UNKNOWN) the device is configured at once, else when carrier
 *   comes (NETDEV_CHANGE): IF_READY, the multicast route, a link-local per addr_gen_mode
 *   (lo: ::1), and DAD for every tentative address. Losing carrier later changes nothing
 *   here (routes are shown `linkdown`).
 * - NETDEV_DOWN (or disable_ipv6): every address goes, except permanent global ones with
 *   keep_addr_on_down, which stay tentative; every route through the device goes.
 * - A new address is tentative until DAD succeeds; DAD is skipped (the address is valid at
 *   once) on loopback and NOARP devices, with `nodad`, or with accept_dad < 1 on both the
 *   device and `all`. On a device not ready it stays tentative. A valid address gets its
 *   `local` route; a duplicate leaves it `tentative dadfailed` (or removes it if it has a
 *   finite lifetime).
 *
 * The DAD probes themselves, and the MLD and router solicitation packets that follow, are the
 * simulator's (port6.ts); with none attached DAD succeeds at once.
 */
import { operState, type Link } from '../link.js';
import type { Netns } from '../netns.js';
import { deviceConf6 } from './conf6.js';
import { FOREVER, IFA6, newInet6Dev, type Inet6Addr, type Inet6Dev } from './inet6-dev.js';
import { IP6_LOOPBACK, ip6DisplayScope, ip6SrcScope, isIp6LinkLocal, type Ip6 } from './ip6.js';
import { addMulticastRoute, addPrefixRoute, deleteRoute6, deleteRoutesVia6, findPrefixRoute, reviveRoutesVia6, insertLocalRoute, removeLocalRoute, removePrefsrc6 } from './kernel-routes6.js';
import { eui64LinkLocal, isatapLinkLocal, linkLocalRule, v4LinkLocal } from './link-local.js';
import { now6, portOf } from './port6.js';
import { drawRandomSecret, randomIid, stableAddress, stableSecretOf } from './stable-privacy.js';

/** fe80::/64 */
const LINK_LOCAL_PREFIX: Ip6 = 0xfe80n << 112n;

/** A new device's IPv6 state as ipv6_add_dev makes it: a copy of conf/default, not ready. */
export function freshInet6(ns: Netns, mtu: number, noDad: boolean): Inet6Dev {
  const d = newInet6Dev(deviceConf6(ns.inet6.default, mtu, noDad));
  // the copy takes conf/default's stable_secret too, and a secret means stable privacy ids
  const secret = ns.inet6.defaultStableSecret;
  if (secret !== null) {
    d.stableSecret = secret;
    d.conf.addr_gen_mode = 2;
  }
  return d;
}

/** The device registered again (moved to another namespace): a new IPv6 state there. */
export function initInet6(l: Link): void {
  l.inet6 = freshInet6(l.ns, l.mtu, l.kind === 'loopback' || l.noarp);
}

/** The device's state changed (admin up/down, carrier, a port joined): the next sync looks at it. */
export function addrconfPending(l: Link): void {
  l.ns.llPending.add(l);
}

/** Whether a sync might change the device (else it waits for its next event). */
export function addrconfUnsettled(l: Link): boolean {
  const d = l.inet6;
  if (d.conf.disable_ipv6) return d.up;
  if (l.up !== d.up) return true;
  // up and not configured yet: waiting for its link to become ready
  return l.up && !d.ready;
}

/** addrconf_link_ready: operstate UP or UNKNOWN. */
function linkReady(l: Link): boolean {
  const st = operState(l);
  return st === 'UP' || st === 'UNKNOWN';
}

/**
 * Runs addrconf's events for the devices of `ns` whose state changed, in ifindex order (one
 * may judge its operstate by another's). Call it after anything that changes a device's admin
 * state or carrier.
 */
export function addrconfSync(ns: Netns): void {
  const pending = ns.llPending;
  if (pending.size === 0) return;
  const links = pending.size === 1 ? [...pending] : [...pending].sort((a, b) => a.ifindex - b.ifindex);
  for (const l of links) {
    addrconfEvent(l);
    if (!addrconfUnsettled(l)) pending.delete(l);
  }
}

/** addrconf_notify for one device: what changed since addrconf last saw it. */
function addrconfEvent(l: Link): void {
  const d = l.inet6;
  // disable_ipv6 takes every address, a down device's too (one addr_gen_mode gave it, or `ip addr add`)
  if ((d.up && (!l.up || d.conf.disable_ipv6)) || (!d.up && d.conf.disable_ipv6 && d.addrs.length)) {
    ifdown(l, false);
    l.ns.touch();
    return;
  }
  if (d.conf.disable_ipv6 || !l.up) return;
  if (!d.up) {
    d.up = true;
    permanentAddrs(l);
    // addrconf_dad_start of kept addresses: those that need no DAD are valid at once
    for (const a of [...d.addrs]) if (a.flags & IFA6.TENTATIVE && !(a.flags & IFA6.DADFAILED)) dadStart(l, a);
  }
  if (!d.ready && linkReady(l)) {
    d.ready = true;
    devConfig(l);
    // "Device has an address by now": rt6_sync_up(dev, RTNH_F_DEAD) once the link is ready, not at NETDEV_UP
    reviveRoutesVia6(l);
    for (const a of [...d.addrs]) if (a.flags & IFA6.TENTATIVE && !(a.flags & IFA6.DADFAILED)) dadStart(l, a);
    portOf(l)?.devReady(l);
  }
  l.ns.touch();
}

/** addrconf_permanent_addr: permanent addresses get their prefix routes back when the device comes up. */
function permanentAddrs(l: Link): void {
  for (const a of l.inet6.addrs) {
    if (!(a.flags & IFA6.PERMANENT)) continue;
    if (!(a.flags & IFA6.NOPREFIXROUTE)) addPrefixRoute(l, a.addr, a.prefixLen, a.metric, null);
  }
}

/** addrconf_dev_config / init_loopback: the device becomes configured. */
function devConfig(l: Link): void {
  const rule = linkLocalRule(l);
  if (rule === 'loopback') {
    if (!l.inet6.addrs.some((a) => a.addr === IP6_LOOPBACK)) {
      const a = newAddr(l, IP6_LOOPBACK, 128, IFA6.PERMANENT, true);
      a.flags &= ~IFA6.TENTATIVE;
      linkAddr(l, a);
      insertLocalRoute(l, a);
      portOf(l)?.addrValid(l, a);
    }
    return;
  }
  // an L3 master (a VRF) gets neither the multicast route nor a link-local (addrconf_addr_gen)
  if (l.vrf) return;
  addMulticastRoute(l);
  const c = l.inet6.conf;
  // addrconf_dev_config: a device with no EUI-64 source switches to random ids
  if (rule === 'random' && c.addr_gen_mode === 0) c.addr_gen_mode = 3;
  if (rule === 'v4') {
    v4Addrs(l);
    return;
  }
  addrGen(l);
}

/** add_v4_addrs (a point-to-point sit tunnel): its fe80::V4/64, permanent and never tentative. */
function v4Addrs(l: Link): void {
  const addr = l.iptnl && l.inet6.conf.addr_gen_mode !== 1 ? v4LinkLocal(l.iptnl.local) : null;
  if (addr === null || l.inet6.addrs.some((a) => a.addr === addr)) return;
  const a = newAddr(l, addr, 64, IFA6.PERMANENT, true);
  linkAddr(l, a);
  addPrefixRoute(l, addr, 64, 0, null);
  // add_addr clears IFA_F_TENTATIVE itself: what a NOARP device's DAD does at once
  dadStart(l, a);
}

/**
 * addrconf_init_auto_addrs after addr_gen_mode is written (a change): the device is configured
 * at once, up or down. Through a down device fib6_nh_init refuses every route, so it gets its
 * link-local alone, tentative (the prefix route comes with NETDEV_UP: addrconf_permanent_addr).
 * lo (init_loopback adds ::1 even while down) is not modelled here: it is left as it is.
 */
export function addrGenModeChanged(l: Link): void {
  if (l.kind === 'loopback' || l.inet6.conf.disable_ipv6) return;
  if (l.up) devConfig(l);
  else if (!l.vrf && !l.noarp && linkLocalRule(l) !== 'v4') addrGen(l, false);
}

/** addrconf_addr_gen: the link-local of the device's addr_gen_mode, with its prefix route (`routes`: the device is up). */
export function addrGen(l: Link, routes = true): void {
  const mode = l.inet6.conf.addr_gen_mode;
  let addr: Ip6;
  let flags = IFA6.PERMANENT;
  if (mode === 0 && linkLocalRule(l) === 'isatap') {
    const isatap = isatapLinkLocal(l.iptnl?.local ?? 0);
    if (isatap === null) return;
    addr = isatap;
  } else if (mode === 0) addr = eui64LinkLocal(l.mac, l.devId);
  else if (mode === 2) {
    // no secret (conf/all or conf/default set to 2 without one): no link-local, no route
    const stable = stableAddress(l, LINK_LOCAL_PREFIX);
    if (stable === null) return;
    addr = stable;
    flags |= IFA6.STABLE_PRIVACY;
  } else if (mode === 3) {
    // ipv6_gen_mode_random_init, then the stable privacy id of that secret
    drawRandomSecret(l);
    const stable = stableAddress(l, LINK_LOCAL_PREFIX);
    if (stable === null) return;
    addr = stable;
    flags |= IFA6.STABLE_PRIVACY;
  } else return;
  if (l.inet6.addrs.some((a) => a.addr === addr)) return;
  if (l.inet6.conf.optimistic_dad && !l.inet6.conf.forwarding && !l.ns.inet6.all.forwarding) flags |= IFA6.OPTIMISTIC;
  const a = newAddr(l, addr, 64, flags, true);
  linkAddr(l, a);
  if (routes) addPrefixRoute(l, addr, 64, 0, null);
  dadStart(l, a);
}

function newAddr(l: Link, addr: Ip6, prefixLen: number, flags: number, auto: boolean): Inet6Addr {
  return {
    addr,
    prefixLen,
    peer: null,
    flags: flags | IFA6.TENTATIVE,
    validLft: FOREVER,
    preferredLft: FOREVER,
    tstamp: now6(l),
    metric: 0,
    localRoute: false,
    auto,
    dead: false,
    dadGen: 0,
    dadNonce: 0,
  };
}

/** ipv6_link_dev_addr: before the first address of the same or a narrower scope. */
function linkAddr(l: Link, a: Inet6Addr): void {
  const list = l.inet6.addrs;
  l.inet6.joins = (l.inet6.joins ?? 0) + 1;
  a.joinSeq = l.inet6.joins;
  const s = ip6SrcScope(a.addr);
  let i = 0;
  while (i < list.length && s < ip6SrcScope(list[i]!.addr)) i++;
  list.splice(i, 0, a);
}

/** What `ip -6 addr add` asks for (struct ifa6_config). */
export interface Addr6Config {
  addr: Ip6;
  prefixLen: number;
  peer: Ip6 | null;
  /** IFA_F_NODAD | HOMEADDRESS | MANAGETEMPADDR | NOPREFIXROUTE | OPTIMISTIC as asked */
  flags: number;
  validLft: number;
  preferredLft: number;
  metric: number;
  /** made by SLAAC (addrconf_prefix_rcv_add_addr): never permanent, no prefix route of its own, stable-privacy kept */
  kernelRa?: boolean;
}

/** The flags a request may set (inet6_rtm_newaddr masks the rest). */
const SETTABLE = IFA6.NODAD | IFA6.HOMEADDRESS | IFA6.MANAGETEMPADDR | IFA6.NOPREFIXROUTE | IFA6.OPTIMISTIC;

/** ipv6_allow_optimistic_dad: optimistic_dad on the device or all, and not forwarding. */
function allowOptimistic(l: Link): boolean {
  const c = l.inet6.conf;
  const all = l.ns.inet6.all;
  return (c.optimistic_dad !== 0 || all.optimistic_dad !== 0) && !c.forwarding && !all.forwarding;
}

/** The flags an address starts with: PERMANENT with an infinite valid lifetime, DEPRECATED with a preferred lifetime of 0. */
function initialFlags(l: Link, cfg: Addr6Config): number {
  let f = cfg.flags & (cfg.kernelRa ? SETTABLE | IFA6.STABLE_PRIVACY : SETTABLE);
  if (!allowOptimistic(l)) f &= ~IFA6.OPTIMISTIC;
  if (cfg.validLft === FOREVER && !cfg.kernelRa) f |= IFA6.PERMANENT;
  if (cfg.preferredLft === 0) f |= IFA6.DEPRECATED;
  return f;
}

/**
 * inet6_addr_add: a new address (the caller checked what the kernel refuses). Its prefix
 * route comes now if the device is up; DAD starts.
 */
export function addAddress6(l: Link, cfg: Addr6Config): Inet6Addr {
  const a = newAddr(l, cfg.addr, cfg.prefixLen, initialFlags(l, cfg), false);
  a.peer = cfg.peer;
  a.validLft = cfg.validLft;
  a.preferredLft = cfg.preferredLft;
  a.metric = cfg.metric;
  linkAddr(l, a);
  if (!(a.flags & IFA6.NOPREFIXROUTE) && !cfg.kernelRa) {
    const expires = cfg.validLft === FOREVER ? null : now6(l) + cfg.validLft * 1e6;
    addPrefixRoute(l, a.addr, a.prefixLen, a.metric, expires);
  }
  scheduleLifetimes(l, a);
  dadStart(l, a);
  l.ns.touch();
  return a;
}

/**
 * inet6_addr_modify (`ip -6 addr replace|change` of an address already there): flags,
 * lifetimes and metric change; the prefix route follows (its metric, its expiry).
 */
export function modifyAddress6(l: Link, a: Inet6Addr, cfg: Addr6Config): void {
  const hadRoute = !(a.flags & IFA6.NOPREFIXROUTE);
  const oldMetric = a.metric;
  const keep = a.flags & (IFA6.TENTATIVE | IFA6.DADFAILED | IFA6.STABLE_PRIVACY);
  let f = (cfg.flags & (IFA6.NODAD | IFA6.HOMEADDRESS | IFA6.MANAGETEMPADDR | IFA6.NOPREFIXROUTE)) | keep;
  if (cfg.validLft === FOREVER) f |= IFA6.PERMANENT;
  if (cfg.preferredLft === 0) f |= IFA6.DEPRECATED;
  a.flags = f;
  a.validLft = cfg.validLft;
  a.preferredLft = cfg.preferredLft;
  a.tstamp = now6(l);
  a.metric = cfg.metric;
  const expires = cfg.validLft === FOREVER ? null : now6(l) + cfg.validLft * 1e6;
  const hasRoute = !(f & IFA6.NOPREFIXROUTE);
  if (hasRoute) {
    const r = findPrefixRoute(l, a.addr, a.prefixLen, true);
    if (!r || (hadRoute && oldMetric !== a.metric)) {
      if (r && hadRoute) deleteRoute6(l, r);
      addPrefixRoute(l, a.addr, a.prefixLen, a.metric, expires);
    } else r.expires = expires;
  } else if (hadRoute && l.inet6.addrs.every((x) => x === a || x.prefixLen !== a.prefixLen || !samePrefix(x, a))) {
    const r = findPrefixRoute(l, a.addr, a.prefixLen, true);
    if (r) deleteRoute6(l, r);
  }
  scheduleLifetimes(l, a);
  l.ns.touch();
}

function samePrefix(x: Inet6Addr, a: Inet6Addr): boolean {
  const shift = BigInt(128 - a.prefixLen);
  return x.addr >> shift === a.addr >> shift;
}

/** addrconf_dad_start + addrconf_dad_begin. */
export function dadStart(l: Link, a: Inet6Addr): void {
  if (a.dead) return;
  const all = l.ns.inet6.all;
  const c = l.inet6.conf;
  if (l.kind === 'loopback' || l.noarp || (all.accept_dad < 1 && c.accept_dad < 1) || !(a.flags & IFA6.TENTATIVE) || a.flags & IFA6.NODAD) {
    dadCompleted(l, a);
    return;
  }
  if (!l.inet6.ready || !l.up) return;
  // an optimistic address is usable (and routed) while DAD runs
  if (a.flags & IFA6.OPTIMISTIC) insertLocalRoute(l, a);
  a.dadGen++;
  const port = portOf(l);
  if (port) port.dadKick(l, a);
  else dadCompleted(l, a);
}

/** addrconf_dad_completed: the address is valid; its host route (and a peer's /128) come. */
export function dadCompleted(l: Link, a: Inet6Addr): void {
  if (a.dead) return;
  a.flags &= ~(IFA6.TENTATIVE | IFA6.OPTIMISTIC | IFA6.DADFAILED);
  insertLocalRoute(l, a);
  if (a.peer !== null) addPrefixRoute(l, a.peer, 128, a.metric, null);
  l.ns.touch();
  portOf(l)?.addrValid(l, a);
}

/**
 * addrconf_dad_failure → addrconf_dad_stop(ifp, 1): a permanent address stays, tentative and
 * dadfailed (its host route, if optimistic, goes); one with a lifetime is removed. With
 * accept_dad > 1 a duplicate of the MAC-based link-local disables IPv6 on the device.
 */
export function dadFailed(l: Link, a: Inet6Addr): void {
  if (a.dead) return;
  a.dadGen++;
  if (a.flags & IFA6.STABLE_PRIVACY) stableRetry(l, a);
  const c = l.inet6.conf;
  const disable = (l.ns.inet6.all.accept_dad > 1 || c.accept_dad > 1) && !c.disable_ipv6 && !(a.flags & IFA6.STABLE_PRIVACY) && a.addr === eui64LinkLocal(l.mac, l.devId);
  if (a.flags & IFA6.PERMANENT) {
    a.flags |= IFA6.TENTATIVE | IFA6.DADFAILED;
    a.flags &= ~IFA6.OPTIMISTIC;
    removeLocalRoute(l, a);
  } else deleteAddress6(l, a);
  if (disable) {
    c.disable_ipv6 = 1;
    addrconfPending(l);
    addrconfSync(l.ns);
  }
  l.ns.touch();
}

/**
 * addrconf_dad_failure for a stable privacy address: the id made with the next DAD counter
 * (up to net.ipv6.idgen_retries) is added at once, tentative, with the failed address's
 * prefix, lifetimes and flags; its DAD starts idgen_delay seconds later. addr_gen_mode 3's
 * addresses retry the same way, with the secret it drew (so the new id is not the kernel's).
 */
function stableRetry(l: Link, a: Inet6Addr): void {
  const retries = (a.stableRetry ?? 0) + 1;
  if (retries > l.ns.inet6.idgenRetries || stableSecretOf(l) === null) return;
  const addr = stableAddress(l, a.addr, retries);
  if (addr === null || l.inet6.addrs.some((x) => x.addr === addr)) return;
  const b = newAddr(l, addr, a.prefixLen, a.flags & ~(IFA6.DADFAILED | IFA6.OPTIMISTIC), a.auto);
  b.validLft = a.validLft;
  b.preferredLft = a.preferredLft;
  b.metric = a.metric;
  b.stableRetry = retries;
  if (randomIid(l, addr, b.flags, IFA6.STABLE_PRIVACY)) b.randomIid = true;
  linkAddr(l, b);
  scheduleLifetimes(l, b);
  const port = portOf(l);
  if (port) port.at(port.now() + l.ns.inet6.idgenDelay * 1e6, () => dadStart(l, b));
  else dadStart(l, b);
}

/**
 * ipv6_del_addr: the address goes with its host route and peer route; its prefix route goes
 * if it was permanent and no other permanent address of the device shares the prefix (one
 * with a lifetime leaves the route to expire with it); routes naming it as source lose it.
 */
export function deleteAddress6(l: Link, a: Inet6Addr): void {
  const list = l.inet6.addrs;
  const i = list.indexOf(a);
  if (i < 0) return;
  let action: 'nop' | 'del' | 'expire' = 'nop';
  let expires = 0;
  if (a.flags & IFA6.PERMANENT && !(a.flags & IFA6.NOPREFIXROUTE)) {
    action = 'del';
    expires = now6(l);
    for (const x of list) {
      if (x === a || x.prefixLen !== a.prefixLen || !samePrefix(x, a)) continue;
      if (x.flags & (IFA6.PERMANENT | IFA6.NOPREFIXROUTE)) {
        action = 'nop';
        break;
      }
      action = 'expire';
      expires = Math.max(expires, x.tstamp + x.validLft * 1e6);
    }
  }
  list.splice(i, 1);
  a.dead = true;
  a.dadGen++;
  if (a.peer !== null) {
    const r = findPrefixRoute(l, a.peer, 128, false);
    if (r) deleteRoute6(l, r);
  }
  removeLocalRoute(l, a);
  if (action !== 'nop') {
    const r = findPrefixRoute(l, a.addr, a.prefixLen, true);
    if (r) {
      if (action === 'del') deleteRoute6(l, r);
      else if (r.expires === null) r.expires = expires;
    }
  }
  removePrefsrc6(l, a.addr);
  l.ns.touch();
}

/**
 * addrconf_ifdown: the device's addresses go (permanent non-link-local ones stay tentative
 * with keep_addr_on_down, on `all` or the device, unless IPv6 is being disabled), with every
 * route through it; IF_READY is cleared.
 */
export function ifdown(l: Link, unregister: boolean): void {
  const d = l.inet6;
  let keep = false;
  if (!unregister && !d.conf.disable_ipv6) {
    const k = l.ns.inet6.all.keep_addr_on_down || d.conf.keep_addr_on_down;
    keep = k > 0;
  }
  d.ifdowns = (d.ifdowns ?? 0) + 1;
  deleteRoutesVia6(l, unregister);
  for (const a of [...d.addrs]) {
    if (keep && a.flags & IFA6.PERMANENT && !isIp6LinkLocal(a.addr) && a.addr !== IP6_LOOPBACK) {
      a.flags |= IFA6.TENTATIVE;
      a.flags &= ~IFA6.OPTIMISTIC;
      a.dadGen++;
      continue;
    }
    d.addrs.splice(d.addrs.indexOf(a), 1);
    a.dead = true;
    a.dadGen++;
  }
  d.up = false;
  d.ready = false;
  portOf(l)?.devDown(l);
}

/** The device leaves its namespace or is deleted: everything IPv6 goes. */
export function inet6Unregister(l: Link): void {
  ifdown(l, true);
}

/** Schedules the lifetime checks of an address (addrconf_verify): deprecated, then removed. */
export function scheduleLifetimes(l: Link, a: Inet6Addr): void {
  const port = portOf(l);
  if (!port || a.validLft === FOREVER) return;
  const gen = a.tstamp;
  const valid = a.validLft;
  const preferred = a.preferredLft;
  if (a.preferredLft !== FOREVER && a.preferredLft < a.validLft && a.preferredLft > 0) {
    port.at(a.tstamp + a.preferredLft * 1e6, () => {
      if (a.dead || a.tstamp !== gen || a.preferredLft !== preferred) return;
      a.flags |= IFA6.DEPRECATED;
      l.ns.touch();
    });
  }
  port.at(a.tstamp + a.validLft * 1e6, () => {
    if (a.dead || a.tstamp !== gen || a.validLft !== valid) return;
    deleteAddress6(l, a);
  });
}

/** The scope an address is shown with (`scope global|site|link|host`). */
export function addrScope6(a: Inet6Addr): number {
  return ip6DisplayScope(a.addr);
}

/**
 * inet6_set_link_af's IFLA_INET6_ADDR_GEN_MODE (`ip link set DEV addrgenmode M`): the mode is
 * stored and nothing is generated until addrconf configures the device again (observed on
 * 6.18); stable privacy needs a secret (check_stable_privacy). False when refused (EINVAL).
 */
export function setAddrGenMode(l: Link, mode: number): boolean {
  if (mode === 2 && stableSecretOf(l) === null) return false;
  l.inet6.conf.addr_gen_mode = mode;
  l.ns.touch();
  return true;
}
