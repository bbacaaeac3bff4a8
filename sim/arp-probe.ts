/**
 * arping's packet socket (iputils 20221126, arping.c) against the simulator: ARP requests (or,
 * with -A, replies) sent as raw frames on one device — the sender's own neighbour table is
 * not involved — and the ARP frames that device receives, filtered as recv_pack filters
 * them. When to send and stop follows arping's event loop: a probe at once and every
 * interval; `-c` stops sending after COUNT probes and, without `-w`, ends one interval after
 * the last one or as soon as every probe was answered; `-w` ends at the deadline (a probe due
 * then still goes out first); `-f` and `-D` end at the first answer; `-U`/`-A` end once the
 * last probe is out. Answers are data; arping's words are src/programs/arping's.
 */
import type { Ip4 } from '../src/model/ip.js';
import type { Link } from '../src/model/link.js';
import { arpSend } from './arp.js';
import type { FrameEvent } from './events.js';
import type { Simulator } from './simulator.js';
import { ARP_OP } from './wire/arp.js';
import { BROADCAST } from './wire/ethernet.js';

export interface ArpProbeOptions {
  dev: Link;
  /** ar_sip: 0 in DAD mode, the target itself for -U/-A */
  src: Ip4;
  dst: Ip4;
  /** -c (0: no limit) */
  count: number;
  /** -w in seconds (0: none) */
  deadline: number;
  /** -i in seconds */
  interval: number;
  /** -f, or -D */
  quitOnReply: boolean;
  dad: boolean;
  /** -U or -A */
  unsolicited: boolean;
  /** -A: ARP replies instead of requests */
  advert: boolean;
  /** -b: never unicast to the MAC that answered */
  broadcastOnly: boolean;
}

export interface ArpAnswer {
  /** received as PACKET_HOST (else broadcast or multicast) */
  unicast: boolean;
  op: 'reply' | 'request';
  from: Ip4;
  mac: string;
  /** µs since the last probe went out */
  rttUs: number;
}

export interface ArpProbeResult {
  sent: number;
  brdSent: number;
  answers: ArpAnswer[];
  brdRecv: number;
  reqRecv: number;
  /** nothing would ever end the run (no -c, no -w, and -f without an answer) */
  hung: boolean;
}

/** virtual time from the command to arping's first probe */
const STARTUP_US = 1000;

interface Received {
  op: number;
  sha: string;
  spa: Ip4;
  tha: string;
  tpa: Ip4;
  host: boolean;
}

/** Runs arping's probes on `o.dev` until arping would exit; the simulator's clock advances meanwhile. */
export function arpProbe(sim: Simulator, o: ArpProbeOptions): ArpProbeResult {
  const dev = o.dev;
  const res: ArpProbeResult = { sent: 0, brdSent: 0, answers: [], brdRecv: 0, reqRecv: 0, hung: false };
  const inbox: Received[] = [];
  const tap = (e: FrameEvent): void => {
    const a = e.frame.arp;
    if (!a || e.ns !== dev.ns.path || e.dev !== dev.name) return;
    const host = e.dst === dev.mac;
    // PACKET_OTHERHOST frames are filtered out
    if (!host && e.dst !== BROADCAST && (parseInt(e.dst.slice(0, 2), 16) & 1) === 0) return;
    inbox.push({ op: a.op, sha: a.sha, spa: a.spa, tha: a.tha, tpa: a.tpa, host });
  };
  // arping starts (exec, socket setup) before its packet socket sees anything: frames still
  // in flight for an earlier run (the reply to a probe sent just before its deadline) land first
  sim.runUntil(sim.now + STARTUP_US);
  const t0 = sim.now;
  const intervalUs = Math.round(o.interval * 1e6);
  const deadlineAt = o.deadline ? t0 + o.deadline * 1e6 : Infinity;
  let nextSend = t0;
  let lastSend = t0;
  let stopAt = Infinity;
  let he = BROADCAST;
  let unicasting = false;
  sim.events.on('frame:rx', tap);
  try {
    for (;;) {
      const sending = o.count === 0 || res.sent < o.count;
      if (sending && sim.now >= nextSend) {
        const tha = o.advert ? dev.mac : he;
        arpSend(sim, dev, o.advert ? ARP_OP.reply : ARP_OP.request, o.dst, o.src, unicasting ? he : null, tha);
        res.sent++;
        if (!unicasting) res.brdSent++;
        lastSend = sim.now;
        nextSend = sim.now + intervalUs;
        if (o.count && res.sent >= o.count) {
          if (o.unsolicited) break;
          if (!o.deadline) stopAt = sim.now + intervalUs;
        }
      }
      if (sim.now >= deadlineAt || sim.now >= stopAt) break;
      const until = Math.min(o.count === 0 || res.sent < o.count ? nextSend : Infinity, stopAt, deadlineAt);
      if (until === Infinity) {
        res.hung = true;
        break;
      }
      if (!sim.runUntil(until, () => inbox.length > 0)) continue;
      sim.runUntil(sim.now);
      let done = false;
      for (const r of inbox.splice(0)) {
        if (done || !accepted(o, dev, r)) continue;
        res.answers.push({ unicast: r.host, op: r.op === ARP_OP.reply ? 'reply' : 'request', from: r.spa, mac: r.sha, rttUs: sim.now - lastSend });
        if (o.deadline && o.count && res.answers.length === o.count) done = true;
        if (!r.host) res.brdRecv++;
        if (r.op === ARP_OP.request) res.reqRecv++;
        if (o.quitOnReply || (o.count && res.sent >= o.count && res.answers.length === res.sent)) done = true;
        if (!o.broadcastOnly) {
          he = r.sha;
          unicasting = true;
        }
      }
      if (done) break;
    }
  } finally {
    sim.events.off('frame:rx', tap);
  }
  return res;
}

/** recv_pack's filter: an answer from the target, to us (in DAD mode: from another machine). */
function accepted(o: ArpProbeOptions, dev: Link, r: Received): boolean {
  if (r.op !== ARP_OP.request && r.op !== ARP_OP.reply) return false;
  if (r.spa !== o.dst) return false;
  if (!o.dad) return r.tpa === o.src && r.tha === dev.mac;
  if (r.sha === dev.mac) return false;
  return !o.src || o.src === r.tpa;
}
