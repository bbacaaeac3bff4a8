/**
 * NF_HOOK for IPv6 (NFPROTO_IPV6): a packet at one of the five hook points runs the base
 * chains of the namespace's ip6 and inet tables in priority order, and IPv6 conntrack where a
 * rule needs it (compile.ts compiledHooks6). The IPv6
 * path calls it where the kernel does — ipv6_rcv (PREROUTING), ip6_input (INPUT), ip6_forward
 * (FORWARD), ip6_local_out / ndisc_send_skb (OUTPUT), ip6_output (POSTROUTING) — and goes on
 * only when it returns true. A REJECT answers with ICMPv6 destination unreachable
 * (nf_send_unreach6) of its --reject-with code. Counters count the whole packet (skb->len).
 */
import type { Link } from '../../src/model/link.js';
import type { Hook } from '../../src/model/netfilter/table.js';
import { REJECT6_CODE, type RejectWith6 } from '../../src/model/netfilter/target.js';
import type { NsState } from '../ns-state.js';
import { describe6, type Ip6Packet } from '../packet.js';
import type { Simulator } from '../simulator.js';
import type { NfTraceInfo } from '../trace.js';
import { IPV6_HEADER_LEN } from '../wire/ipv6.js';
import { walkWith, type RuleHit, type WalkCore } from './chain.js';
import { compiledHooks6 } from './compile.js';
import { conntrackConfirm6, conntrackIn6 } from './conntrack6.js';
import { ruleMatches6, type Match6State } from './match6.js';
import { nfMeta, type PacketL2, type PacketNf } from './skb.js';
import type { Manip } from './nat.js';
import { natIcmpError6, natInitialized6, natPacket6, setupNat6 } from './nat6.js';
import { CT_STATE } from '../../src/model/netfilter/match.js';
import type { NfChain, NfTable } from '../../src/model/netfilter/table.js';
import { formatIp6, IP6_LOOPBACK, isIp6LinkLocal, isIp6V4Mapped, type Ip6 } from '../../src/model/ipv6/ip6.js';
import { IFA6 } from '../../src/model/ipv6/inet6-dev.js';
import { route6Output, type Rt6Entry } from '../../src/model/ipv6/route6.js';
import { simView6 } from '../ipv6/view6.js';
import { ipv6DevGetSaddr } from '../../src/model/ipv6/source6.js';

const ICMPX6: Record<string, number> = { 'icmp-port-unreachable': 4, 'icmp-admin-prohibited': 1, 'icmp-net-unreachable': 0, 'icmp-host-unreachable': 3 };

export interface Hook6Args {
  hook: Hook;
  in: Link | null;
  out: Link | null;
  /** PREROUTING: the frame the packet came in (kept on the packet for INPUT and FORWARD) */
  l2?: PacketL2;
}

/** Runs the hook; false when the packet went no further (dropped, or rejected with an answer). */
export function nfHook6(sim: Simulator, st: NsState, pkt: Ip6Packet, a: Hook6Args): boolean {
  return nfVerdict6(sim, st, pkt, a) === 'accept';
}

/** What the hook did with the packet: let it on, dropped it, or rejected it (an ICMPv6 error went back). */
export type Verdict6 = 'accept' | 'drop' | 'reject';

export function nfVerdict6(sim: Simulator, st: NsState, pkt: Ip6Packet, a: Hook6Args): Verdict6 {
  const nf = st.ns.nf;
  if (!nf) return 'accept';
  if (a.l2) nfMeta(pkt, st.ns).l2 = a.l2;
  const list = compiledHooks6(nf).hooks[a.hook];
  if (!list.length) return 'accept';
  const meta = nfMeta(pkt, st.ns);
  const ms: Match6State = { pkt, meta, in: a.in, out: a.out, runtime: sim.nf, now: sim.now, hz: sim.lab.kernel.hz ?? 250 };
  const ws: WalkCore = {
    meta,
    runtime: sim.nf,
    bytes: IPV6_HEADER_LEN + pkt.ip6.payloadLen,
    version: nf.version,
    onHit: sim.tracer ? (h) => traceHit(sim, st, a.hook, h) : null,
  };
  for (const e of list) {
    if (e.kind === 'ct-in') {
      conntrackIn6(sim.nf, st.ns, pkt, meta, sim.now);
      continue;
    }
    if (e.kind === 'ct-confirm') {
      if (conntrackConfirm6(sim.nf, st.ns, meta)) continue;
      if (sim.tracer) sim.stepDrop(st.ns, 'netfilter-drop', `${describe6(pkt)} dropped: its conntrack entry clashed on confirm`);
      return 'drop';
    }
    if (e.kind === 'nat') {
      const nv = natEntry6(sim, st, pkt, a, e.chains, ws, ms, meta);
      if (nv === 'accept') continue;
      return nv;
    }
    if (e.kind !== 'chain') continue;
    ms.table = e.table;
    const v = walkWith(
      ws,
      e.table,
      e.chain,
      (r) => ruleMatches6(r, ms),
      () => null,
    );
    if (v.verdict === 'accept' || v.verdict === 'nat') continue;
    const where = `${e.table.name} ${e.chain.name}`;
    if (v.verdict === 'drop') {
      if (sim.tracer) sim.stepDrop(st.ns, 'netfilter-drop', `${describe6(pkt)} dropped by ${where}`);
      return 'drop';
    }
    return reject(sim, st, pkt, a, v.with, where);
  }
  return 'accept';
}

function reject(sim: Simulator, st: NsState, pkt: Ip6Packet, a: Hook6Args, with_: string, where: string): Verdict6 {
  if (sim.tracer) sim.stepDrop(st.ns, 'netfilter-reject', `${describe6(pkt)} rejected by ${where} (${with_})`);
  // nft's `reject` in an inet table: icmpx's answers in ICMPv6's codes
  const code = with_ in REJECT6_CODE ? REJECT6_CODE[with_ as RejectWith6] : (ICMPX6[with_] ?? null);
  // nf_send_unreach6: a packet this host sends is answered as if it came in on lo
  if (code !== null) sim.nfOps.reject6(sim, st, pkt, a.in, code);
  // nf_send_reset6: a RST back to the segment's sender
  else if (with_ === 'tcp-reset' && pkt.tcp) sim.nfOps.reset(sim, st, pkt);
  return code !== null || (with_ === 'tcp-reset' && pkt.tcp) ? 'reject' : 'drop';
}

/** The NAT core at one hook (nf_nat_ipv6_fn): bind a new connection (chains in order, else the null binding), then rewrite. */
function natEntry6(sim: Simulator, st: NsState, pkt: Ip6Packet, a: Hook6Args, chains: { table: NfTable; chain: NfChain }[], ws: WalkCore, ms: Match6State, meta: PacketNf): Verdict6 {
  const ct = meta.ct6;
  if (!ct) return 'accept';
  const dir = meta.ct6Dir ?? 'original';
  const manip: Manip = a.hook === 'prerouting' || a.hook === 'output' ? 'dst' : 'src';
  if (meta.ct6State === CT_STATE.RELATED) {
    natIcmpError6(ct, dir, manip, pkt);
    return 'accept';
  }
  if (dir === 'original' && !natInitialized6(ct, manip)) {
    const table = sim.nf.conntrack6(st.ns);
    for (const { table: t, chain } of chains) {
      const v = walkWith(
        ws,
        t,
        chain,
        (r) => ruleMatches6(r, ms),
        () => null,
      );
      if (v.verdict === 'drop') return 'drop';
      if (v.verdict === 'reject') return reject(sim, st, pkt, a, v.with, `${t.name} ${chain.name}`);
      if (v.verdict !== 'nat') continue;
      let range = v.range;
      if (v.kind === 'MASQUERADE') {
        // nf_nat_masquerade_ipv6: the source the way out would pick toward the destination
        const addr = a.out ? ipv6DevGetSaddr(st.ns, a.out, pkt.ip6.dst) : null;
        if (addr === null) {
          if (sim.tracer) sim.stepDrop(st.ns, 'netfilter-drop', `${describe6(pkt)}: MASQUERADE found no address on ${a.out?.name ?? '?'}`);
          return 'drop';
        }
        range = { ...range, mapIps: true, min6: addr, max6: addr };
      } else if (v.kind === 'REDIRECT') {
        const addr = redirectAddr6(a, pkt.ip6.dst);
        if (addr === null) {
          if (sim.tracer) sim.stepDrop(st.ns, 'netfilter-drop', `${describe6(pkt)}: REDIRECT found no address on ${a.in?.name ?? '?'}`);
          return 'drop';
        }
        range = { ...range, mapIps: true, min6: addr, max6: addr };
      }
      setupNat6(table, ct, range, manip, sim.now);
      break;
    }
    if (!natInitialized6(ct, manip)) setupNat6(table, ct, null, manip, sim.now);
    if (sim.tracer) traceNat6(sim, st, a.hook, `connection ${formatIp6(ct.orig.src)} > ${formatIp6(ct.orig.dst)} bound: replies come from ${formatIp6(ct.reply.src)} to ${formatIp6(ct.reply.dst)}`);
  }
  natPacket6(ct, dir, manip, pkt);
  return 'accept';
}

/**
 * nf_nat_redirect_ipv6: ::1 for a packet this host sends; else the first address of the device
 * it came in on (addr_list order: wider scope first, the newest first within one) that is not
 * tentative and, for a destination of link, site or loopback scope, of that scope.
 */
function redirectAddr6(a: Hook6Args, dst: Ip6): Ip6 | null {
  if (a.hook === 'output') return IP6_LOOPBACK;
  const scope = isIp6LinkLocal(dst) ? 0x20 : dst >> 118n === 0x3fbn ? 0x40 : dst === IP6_LOOPBACK ? 0x10 : 0;
  for (const x of a.in?.inet6.addrs ?? []) {
    if (isIp6V4Mapped(x.addr)) continue;
    if (x.flags & IFA6.TENTATIVE && !(x.flags & IFA6.OPTIMISTIC)) continue;
    const own = isIp6LinkLocal(x.addr) ? 0x20 : x.addr >> 118n === 0x3fbn ? 0x40 : x.addr === IP6_LOOPBACK ? 0x10 : 0;
    if (scope && !(scope & own)) continue;
    return x.addr;
  }
  return null;
}

function traceNat6(sim: Simulator, st: NsState, hook: Hook, detail: string): void {
  sim.tracer?.step(sim.now, st.ns.path, 'netfilter', `${hook}: NAT ${detail}`, undefined, { hook, what: 'nat' });
}

function traceHit(sim: Simulator, st: NsState, hook: Hook, h: RuleHit): void {
  const info: NfTraceInfo = { hook, table: h.table, chain: h.chain, rulenum: h.rulenum, rule: h.rule, what: h.rule ? 'rule' : 'policy' };
  const what = h.rule ? `rule ${h.rulenum} matched` : `policy ${h.chain.policy}`;
  sim.tracer?.step(sim.now, st.ns.path, 'netfilter', `${hook}: ${h.table.family} ${h.table.name} ${h.chain.name} ${what}`, undefined, info);
}

/**
 * A packet this host sends out `dev`: LOCAL_OUT, then POST_ROUTING (ip6_local_out →
 * dst_output → ip6_output); false when netfilter kept it.
 */
export function nfLocalOut6(sim: Simulator, st: NsState, pkt: Ip6Packet, dev: Link): boolean {
  return nfLocalOutVerdict6(sim, st, pkt, dev) === 'accept';
}

/**
 * The same on the packet's route: when OUTPUT's NAT changed the destination, the route is
 * looked up again before POSTROUTING (ip6_route_me_harder); a packet left without one is dropped.
 */
export function nfLocalOutRoute6(sim: Simulator, st: NsState, pkt: Ip6Packet, rt: Rt6Entry): { verdict: Verdict6; rt: Rt6Entry } {
  if (!st.ns.nf) return { verdict: 'accept', rt };
  const dst = pkt.ip6.dst;
  const v = nfVerdict6(sim, st, pkt, { hook: 'output', in: null, out: rt.dev });
  if (v !== 'accept') return { verdict: v, rt };
  if (pkt.ip6.dst !== dst) {
    const res = route6Output(simView6(sim, st), { dst: pkt.ip6.dst, src: pkt.ip6.src, oif: null, now: sim.now });
    if (!res.ok) {
      if (sim.tracer) sim.stepDrop(st.ns, 'no-route', `${describe6(pkt)}: no route after its destination was translated (${res.errno})`);
      return { verdict: 'drop', rt };
    }
    rt = res.rt;
  }
  return { verdict: nfVerdict6(sim, st, pkt, { hook: 'postrouting', in: null, out: rt.dev }), rt };
}

/** The same, with what refused the packet (a sender's sendmsg fails with EPERM either way). */
export function nfLocalOutVerdict6(sim: Simulator, st: NsState, pkt: Ip6Packet, dev: Link): Verdict6 {
  if (!st.ns.nf) return 'accept';
  const v = nfVerdict6(sim, st, pkt, { hook: 'output', in: null, out: dev });
  if (v !== 'accept') return v;
  return nfVerdict6(sim, st, pkt, { hook: 'postrouting', in: null, out: dev });
}
