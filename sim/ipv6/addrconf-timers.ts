/**
 * addrconf's timers and packets on the virtual clock (net/ipv6/addrconf.c addrconf_dad_kick,
 * addrconf_dad_work, addrconf_dad_completed, addrconf_rs_timer; RFC 4862 §5.4, RFC 7559): the
 * simulator's side of the model's Inet6Port.
 * - DAD waits a random delay below router_solicitation_delay (1 s), joins the solicited-node
 *   group (an MLD report), then sends dad_transmits probes retrans_time (1 s) apart and
 *   succeeds one retrans_time after the last — so an address is tentative for 1 to 2 s after
 *   its device is ready. The "random" delay is derived from a hash of the address, so runs
 *   are reproducible; races with the kernel are compared against recorded runs.
 * - The first link-local of a device to pass DAD sends a router solicitation at once when the
 *   device takes router advertisements (accept_ra 1 and not forwarding, or 2; never on lo),
 *   then again after router_solicitation_interval (4 s), the interval doubling up to
 *   router_solicitation_max_interval, router_solicitations times (-1: without end), until the
 *   device goes down or a router advertisement came (IF_RA_RCVD, ndisc-ra.ts).
 */
import { dadCompleted } from '../../src/model/ipv6/addrconf.js';
import { acceptsRa } from '../../src/model/ipv6/conf6.js';
import { addrUsable, IFA6, type Inet6Addr } from '../../src/model/ipv6/inet6-dev.js';
import { formatIp6, IP6_ALL_ROUTERS, isIp6LinkLocal, solicitedNode } from '../../src/model/ipv6/ip6.js';
import type { Inet6Port } from '../../src/model/ipv6/port6.js';
import type { Link } from '../../src/model/link.js';
import { timerWheelUs } from '../params.js';
import type { Simulator } from '../simulator.js';
import { mldJoin } from './mld.js';
import { ndiscSendDadNs, ndiscSendRs } from './ndisc.js';
import { raReceived } from './ndisc-ra.js';

/** retrans_time of nd_tbl */
const RETRANS_US = 1_000_000;

/** A reproducible number in [0, 1) for what the kernel draws at random. */
function jitter(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 2 ** 32;
}

/** The router-solicitation run of each device: a new one (the device came up again) replaces it. */
const soliciting = new WeakMap<Link, { gen: number }>();
let rsGen = 0;

function dadKick(sim: Simulator, dev: Link, a: Inet6Addr): void {
  const gen = a.dadGen;
  const c = dev.inet6.conf;
  const key = `${dev.ns.path}|${dev.name}|${a.addr}|${gen}`;
  const delayUs = Math.floor(jitter(key) * Math.max(1, c.router_solicitation_delay) * 250) * 4000;
  a.dadNonce = c.enhanced_dad || dev.ns.inet6.all.enhanced_dad ? Math.floor(jitter(`${key}|nonce`) * 0xffffffff) >>> 0 || 1 : 0;
  let probes = Math.max(0, c.dad_transmits);
  const st = sim.state(dev.ns);
  const stale = () => a.dead || a.dadGen !== gen || !(a.flags & IFA6.TENTATIVE) || a.flags & IFA6.DADFAILED;
  const work = () => {
    if (stale()) return;
    if (!sim.isLive(dev) || !dev.up || !dev.inet6.ready) return;
    if (probes === 0) {
      dadCompleted(dev, a);
      return;
    }
    probes--;
    sim.queue.after(timerWheelUs(RETRANS_US), work);
    if (sim.tracer) sim.step(dev.ns, 'ndisc', `${dev.name}: duplicate address detection for ${formatIp6(a.addr)}`);
    ndiscSendDadNs(sim, st, dev, a.addr, a.dadNonce);
  };
  sim.queue.after(delayUs, () => {
    if (stale() || !sim.isLive(dev)) return;
    mldJoin(sim, dev, [solicitedNode(a.addr)]);
    work();
  });
}

/** addrconf_dad_completed's router solicitations. */
function startRs(sim: Simulator, dev: Link): void {
  const c = dev.inet6.conf;
  if (dev.kind === 'loopback' || !acceptsRa(c) || c.router_solicitations === 0) return;
  const run = { gen: ++rsGen };
  soliciting.set(dev, run);
  raReceived.delete(dev);
  const st = sim.state(dev.ns);
  let sent = 0;
  let interval = Math.max(1, c.router_solicitation_interval) * 1e6;
  const max = Math.max(1, c.router_solicitation_max_interval) * 1e6;
  const fire = () => {
    if (soliciting.get(dev) !== run || !sim.isLive(dev) || !dev.up || !dev.inet6.ready) return;
    if (!acceptsRa(dev.inet6.conf) || raReceived.has(dev)) return;
    if (sim.tracer) sim.step(dev.ns, 'send', `${dev.name}: the kernel sends a router solicitation to ff02::2`);
    if (!ndiscSendRs(sim, st, dev)) return;
    sent++;
    const limit = dev.inet6.conf.router_solicitations;
    if (limit >= 0 && sent >= limit) return;
    const wait = interval;
    interval = Math.min(interval * 2, max);
    sim.queue.after(wait, fire);
  };
  fire();
}

/** The port the model's addrconf drives: this simulator's clock and packets. */
export function addrconfPort(sim: Simulator): Inet6Port {
  return {
    now: () => sim.now,
    at: (t, fn) => sim.queue.at(t, fn),
    dadKick: (dev, a) => dadKick(sim, dev, a),
    addrValid(dev, a) {
      if (!sim.isLive(dev)) return;
      // an address valid without DAD joins its group now; one that ran DAD joined at its start
      if (a.dadNonce === 0 && a.dadGen === 0) mldJoin(sim, dev, [solicitedNode(a.addr)]);
      const firstLl = isIp6LinkLocal(a.addr) && dev.inet6.addrs.filter((x) => isIp6LinkLocal(x.addr) && addrUsable(x)).length === 1;
      if (firstLl) startRs(sim, dev);
    },
    devReady(dev) {
      if (dev.inet6.conf.forwarding) mldJoin(sim, dev, [IP6_ALL_ROUTERS]);
    },
    devDown(dev) {
      soliciting.delete(dev);
    },
  };
}
