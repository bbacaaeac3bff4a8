/**
 * ARP as the kernel runs it (net/ipv4/arp.c; RFC 826). Input: a request is answered when its
 * target is local by an input route lookup (so rp_filter and martian checks apply to the sender,
 * and with arp_ignore=0 any local address on any interface is answered — the weak host model);
 * the requester is entered STALE. Answers update only entries that exist (arp_accept=0).
 * Requests for addresses the namespace forwards may be answered in their owner's place (proxy
 * ARP: the decision is src/model/proxy-arp.ts).
 * Output (arp_solicit): the source address is the queued packet's when it is local to the
 * device (arp_announce=0), else inet_select_addr; probes are broadcast until the entry is
 * valid, unicast to the cached address in PROBE.
 */
import { SCOPE } from '../src/model/address.js';
import { inPrefix, ip4ToString, isLoopbackNet, isMulticast, type Ip4 } from '../src/model/ip.js';
import type { Link } from '../src/model/link.js';
import { neighEventNs, neighLookup, neighUpdate, type NeighEntry } from './neighbor.js';
import type { NsState } from './ns-state.js';
import type { Frame, IpPacket, PktType } from './packet.js';
import { PARAMS, timerWheelUs } from './params.js';
import { arpProxyReason, type ProxyReason } from '../src/model/proxy-arp.js';
import { inputDecision } from './input-decision.js';
import type { Simulator } from './simulator.js';
import { inetSelectAddr } from '../src/model/source-address.js';
import { ARP_OP } from './wire/arp.js';
import { BROADCAST, ETHERTYPE } from './wire/ethernet.js';

const ZERO = '00:00:00:00:00:00';

/** arp_send_dst */
export function arpSend(sim: Simulator, dev: Link, op: 1 | 2, tip: Ip4, sip: Ip4, dstMac: string | null, tha: string | null): void {
  const frame: Frame = {
    eth: { src: dev.mac, dst: dstMac ?? BROADCAST, ethertype: ETHERTYPE.arp },
    arp: { op, sha: dev.mac, spa: sip, tha: tha ?? ZERO, tpa: tip },
    pkt: null,
    bridgeHops: 0,
  };
  const name = op === ARP_OP.request ? 'arp:request' : 'arp:reply';
  if (sim.events.wants(name)) sim.events.emit(name, { t: sim.now, ns: dev.ns.path, dev: dev.name, spa: sip, tpa: tip, sha: dev.mac });
  if (sim.tracer)
    sim.step(
      dev.ns,
      'arp',
      op === ARP_OP.request
        ? `who-has ${ip4ToString(tip)} tell ${ip4ToString(sip)} on ${dev.name}${dstMac ? ` (unicast to ${dstMac})` : ''}`
        : `${ip4ToString(tip === 0 ? sip : sip)} is-at ${dev.mac} (to ${ip4ToString(tip)}) on ${dev.name}`,
    );
  sim.xmit(dev, frame);
}

/** arp_solicit */
export function arpSolicit(sim: Simulator, st: NsState, e: NeighEntry, hint: IpPacket | null): void {
  const dev = e.dev;
  let saddr = 0;
  const announce = Math.max(dev.conf.arp_announce, st.ns.all.arp_announce);
  if (announce === 0 && hint && st.fib.addrType(hint.ip.src, dev) === 'local') saddr = hint.ip.src;
  // arp_announce 1/2 restrict the choice further; both then fall back to inet_select_addr
  const tip = e.ip as Ip4;
  if (!saddr) saddr = inetSelectAddr(dev, tip, SCOPE.link);
  const unicast = e.probes - PARAMS.neigh.ucastProbes < 0;
  arpSend(sim, dev, ARP_OP.request, tip, saddr, unicast ? e.mac : null, null);
}

/**
 * arp_ignore: whether a request from `sip` for local `tip` arriving on `dev` is left
 * unanswered. With `sip` null (a source-blind question) mode 2, which depends on the source,
 * does not ignore.
 */
export function arpIgnore(dev: Link, sip: Ip4 | null, tip: Ip4): boolean {
  const mode = Math.max(dev.conf.arp_ignore, dev.ns.all.arp_ignore);
  switch (mode) {
    case 0:
      return false;
    case 1:
      return !dev.addrs.some((a) => a.local === tip && a.scope <= SCOPE.host);
    case 2:
      return sip !== null && !dev.addrs.some((a) => a.local === tip && inPrefix(sip, a.address, a.prefixLen));
    case 3:
      return !dev.addrs.some((a) => a.local === tip && a.scope <= SCOPE.link);
    case 8:
      return true;
    default:
      return false;
  }
}

/**
 * arp_process's proxy branch: the sender is entered, and the answer carries `dev`'s own MAC for
 * `tip`. A request that came as a broadcast waits in the proxy queue (pneigh_enqueue) for a
 * random part of proxy_delay and is then processed again (parp_redo), deciding afresh.
 */
function proxyAnswer(sim: Simulator, st: NsState, dev: Link, frame: Frame, pktType: PktType, enqueued: boolean, why: ProxyReason): void {
  const arp = frame.arp!;
  neighEventNs(sim, st, dev, arp.spa, arp.sha);
  if (enqueued || pktType === 'host') {
    if (sim.tracer) sim.step(st.ns, 'arp', `${dev.name} answers for ${ip4ToString(arp.tpa)} (${why})`);
    arpSend(sim, dev, ARP_OP.reply, arp.spa, arp.tpa, arp.sha, arp.sha);
    return;
  }
  const queued = st.proxyQueue.get(dev) ?? 0;
  if (queued > PARAMS.neigh.proxyQlen) {
    if (sim.tracer) sim.stepDrop(st.ns, 'queue-overflow', `proxy ARP queue of ${dev.name} is full`);
    return;
  }
  st.proxyQueue.set(dev, queued + 1);
  if (sim.tracer) sim.step(st.ns, 'arp', `${dev.name} will answer for ${ip4ToString(arp.tpa)} (${why}) after the proxy delay`);
  sim.queue.after(timerWheelUs(PARAMS.neigh.proxyDelayUs / 2), () => {
    st.proxyQueue.set(dev, (st.proxyQueue.get(dev) ?? 1) - 1);
    // neigh_proxy_process: only for a device still running
    if (sim.isLive(dev) && dev.up) arpRcv(sim, st, dev, frame, pktType, true);
  });
}

/** arp_rcv + arp_process; `enqueued`: a request coming back from the proxy queue (LOCALLY_ENQUEUED). */
export function arpRcv(sim: Simulator, st: NsState, dev: Link, frame: Frame, pktType: PktType, enqueued = false): void {
  const arp = frame.arp;
  if (!arp) return;
  const ns = st.ns;
  if (dev.noarp) {
    if (sim.tracer) sim.stepDrop(ns, 'noarp', `ARP on NOARP device ${dev.name}`);
    return;
  }
  if (pktType === 'otherhost') {
    if (sim.tracer) sim.stepDrop(ns, 'not-for-us', `ARP frame for ${frame.eth.dst} on ${dev.name}`);
    return;
  }
  const sip = arp.spa;
  const tip = arp.tpa;
  const localnet = dev.conf.route_localnet || ns.all.route_localnet;
  if (isMulticast(tip) || (!localnet && isLoopbackNet(tip))) {
    if (sim.tracer) sim.stepDrop(ns, 'martian-destination', `ARP for ${ip4ToString(tip)}`);
    return;
  }
  if (sip === 0) {
    // duplicate address detection probe (RFC 2131 / RFC 5227)
    if (arp.op === ARP_OP.request && st.fib.addrType(tip, dev) === 'local' && !arpIgnore(dev, sip, tip)) arpSend(sim, dev, ARP_OP.reply, sip, tip, arp.sha, arp.sha);
    return;
  }
  if (arp.op === ARP_OP.request) {
    const d = inputDecision(st, dev, tip, sip);
    if (d.kind === 'local' && !d.broadcast) {
      if (arpIgnore(dev, sip, tip)) {
        if (sim.tracer) sim.stepDrop(ns, 'arp-ignored', `ARP request for ${ip4ToString(tip)} on ${dev.name} (arp_ignore)`);
        return;
      }
      neighEventNs(sim, st, dev, sip, arp.sha);
      arpSend(sim, dev, ARP_OP.reply, sip, tip, arp.sha, arp.sha);
      return;
    }
    if (d.kind === 'forward') {
      const why = arpProxyReason(dev, d.dev, sip, tip);
      if (why) {
        proxyAnswer(sim, st, dev, frame, pktType, enqueued, why);
        return;
      }
      if (sim.tracer) sim.step(ns, 'arp', `request for ${ip4ToString(tip)} on ${dev.name}: routed out of ${d.dev.name}, not proxied, ignored`);
    } else if (d.kind === 'drop' && (d.reason === 'martian-source' || d.reason === 'accept-local' || d.reason === 'rp-filter')) {
      // the kernel then only refreshes an existing entry for the sender, below
      if (sim.tracer) sim.stepDrop(ns, d.reason, `ARP request from ${ip4ToString(sip)} for ${ip4ToString(tip)} on ${dev.name} not answered: ${d.detail}`);
    } else {
      if (sim.tracer) sim.step(ns, 'arp', `request for ${ip4ToString(tip)} on ${dev.name}: not a local address, ignored`);
    }
  }
  const n = neighLookup(st, dev, sip);
  if (n) {
    const state = arp.op === ARP_OP.reply && pktType === 'host' ? 'reachable' : 'stale';
    const override = sim.now > n.updated + PARAMS.neigh.locktimeUs;
    neighUpdate(sim, st, n, arp.sha, state, override);
  } else if (arp.op === ARP_OP.reply) {
    if (sim.tracer) sim.stepDrop(ns, 'not-for-us', `unsolicited ARP reply ${ip4ToString(sip)} is-at ${arp.sha} on ${dev.name} (no entry; arp_accept=0)`);
  }
}
