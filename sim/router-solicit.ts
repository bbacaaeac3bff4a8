/**
 * The packets the kernel sends by itself once a device has IPv6 (net/ipv6/addrconf.c; RFC 4861
 * §6.3.7, RFC 7559 for the backoff): as soon as the link-local address is usable — at once on a
 * NOARP device such as a tun, which skips duplicate address detection — a router solicitation
 * to ff02::2, then again after rtr_solicit_interval (4 s), each interval about doubling up to
 * rtr_solicit_max_interval (1 h), until a router answers (none does here) or the device goes
 * down. IPv6 is on by default, so every tun a process holds sends these the moment it comes
 * up; through a socat tunnel they become UDP datagrams to the peer — which is what kills a
 * tunnel whose far end does not listen yet.
 *
 * Only devices held by a simulated process are followed: elsewhere the model does not route
 * IPv6, and these packets change nothing it shows.
 */
import type { Link } from '../src/model/link.js';
import type { Frame } from './packet.js';
import type { Simulator } from './simulator.js';

/** rtr_solicit_interval */
const INTERVAL_US = 4e6;
/** rtr_solicit_max_interval */
const MAX_INTERVAL_US = 3600e6;
const ETHERTYPE_IPV6 = 0x86dd;
/** an RS without a source link-layer option (a tun has no link-layer address): 8 bytes of ICMPv6 */
const RS_LEN = 8;

interface Soliciting {
  /** the link-local it solicits from: a new one (down and up again) starts over */
  ll: string;
}

const active = new WeakMap<Link, Soliciting>();

/** The router solicitation a device sends (ndisc_send_rs). */
export function routerSolicitation(dev: Link): Frame {
  return {
    eth: { src: dev.mac, dst: '33:33:00:00:00:02', ethertype: ETHERTYPE_IPV6 },
    arp: null,
    pkt: null,
    bridgeHops: 0,
    ip6: { src: dev.ipv6ll ?? '::', dst: 'ff02::2', payloadLen: RS_LEN, what: 'router solicitation' },
  };
}

/**
 * addrconf for one device, as things are now: a device that just got its link-local starts
 * soliciting (the first one sent at once); one that went down stops.
 */
export function addrconfCheck(sim: Simulator, dev: Link): void {
  const cur = active.get(dev);
  if (!sim.isLive(dev) || !dev.up || dev.ipv6ll === null) {
    if (cur) active.delete(dev);
    return;
  }
  if (cur && cur.ll === dev.ipv6ll) return;
  const s: Soliciting = { ll: dev.ipv6ll };
  active.set(dev, s);
  const send = (interval: number) => {
    if (active.get(dev) !== s || !sim.isLive(dev) || !dev.up) {
      if (active.get(dev) === s) active.delete(dev);
      return;
    }
    if (sim.tracer) sim.step(dev.ns, 'send', `${dev.name}: the kernel sends an IPv6 router solicitation to ff02::2`);
    sim.xmit(dev, routerSolicitation(dev));
    const next = Math.min(interval * 2, MAX_INTERVAL_US);
    sim.queue.after(interval, () => send(next));
  };
  send(INTERVAL_US);
}
