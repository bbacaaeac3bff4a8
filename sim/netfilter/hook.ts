/**
 * NF_HOOK: a packet at one of the five IPv4 hook points runs the namespace's entries for it in
 * priority order (compile.ts): conntrack, each table's base chain, the NAT core, confirmation.
 * The forwarding code calls this once per hook point and goes on only when it returns true;
 * a namespace without netfilter state pays one null check. Every decision is traced with its
 * table, chain and rule for explain.
 */
import { ip4ToString, type Ip4 } from '../../src/model/ip.js';
import type { Link } from '../../src/model/link.js';
import { SCOPE } from '../../src/model/address.js';
import { inetSelectAddr } from '../../src/model/source-address.js';
import { routeOutput, type RtEntry } from '../../src/model/route-output.js';
import type { Hook, NfChain, NfTable } from '../../src/model/netfilter/table.js';
import { REJECT_CODE, type NatRange, type RejectWith4 } from '../../src/model/netfilter/target.js';
import type { NsState } from '../ns-state.js';
import { describe, type IpPacket } from '../packet.js';
import type { Simulator } from '../simulator.js';
import type { NfTraceInfo } from '../trace.js';
import { walkChain, type RuleHit, type WalkState, type WalkVerdict } from './chain.js';
import { compiledHooks, type HookEntry } from './compile.js';
import { conntrackConfirm, conntrackIn } from './conntrack.js';
import { natIcmpError, natInitialized, natPacket, setupNat, type Manip } from './nat.js';
import { nfMeta, type PacketL2, type PacketNf } from './skb.js';

export interface HookArgs {
  hook: Hook;
  in: Link | null;
  out: Link | null;
  /** POSTROUTING: the next hop the route chose (MASQUERADE takes the address toward it) */
  nexthop?: Ip4;
  /** PREROUTING: the frame the packet came in (kept on the packet for INPUT and FORWARD) */
  l2?: PacketL2;
}

const RTN: Record<string, number> = { unicast: 1, local: 2, broadcast: 3, anycast: 4, multicast: 5, blackhole: 6, unreachable: 7, prohibit: 8, throw: 9, nat: 10 };

/** Runs the hook; false when the packet went no further (dropped, or rejected with an answer). */
export function nfHook(sim: Simulator, st: NsState, pkt: IpPacket, a: HookArgs): boolean {
  const nf = st.ns.nf;
  if (!nf) return true;
  // the frame's type and source stay on the packet for INPUT and FORWARD, even with no PREROUTING rules
  if (a.l2) nfMeta(pkt, st.ns).l2 = a.l2;
  const c = compiledHooks(nf);
  const list = c.hooks[a.hook];
  if (!list.length) return true;
  const meta = nfMeta(pkt, st.ns);
  const rt = sim.nf;
  const ws: WalkState = {
    pkt,
    meta,
    in: a.in,
    out: a.out,
    runtime: rt,
    now: sim.now,
    hz: sim.lab.kernel.hz ?? 250,
    addrType: (addr, dev) => RTN[st.fib.addrType(addr, dev)] ?? 1,
    bytes: 20 + pkt.ip.payloadLen,
    version: nf.version,
    onHit: sim.tracer ? (h) => traceHit(sim, st, a.hook, h) : null,
  };
  for (const e of list) if (!runEntry(sim, st, pkt, a, e, ws, meta)) return false;
  return true;
}

function runEntry(sim: Simulator, st: NsState, pkt: IpPacket, a: HookArgs, e: HookEntry, ws: WalkState, meta: PacketNf): boolean {
  const rt = sim.nf;
  switch (e.kind) {
    case 'ct-in': {
      conntrackIn(rt, st.ns, pkt, meta, sim.now);
      if (sim.tracer) traceCt(sim, st, a.hook, meta);
      return true;
    }
    case 'ct-confirm':
      if (conntrackConfirm(rt, st.ns, meta)) return true;
      sim.drop(st.ns, 'conntrack-clash', `${describe(pkt)}: its connection clashed with another one when confirmed`, pkt, a.in ?? a.out);
      return false;
    case 'chain':
      return verdict(sim, st, pkt, a, walkChain(ws, e.table, e.chain), e.table, e.chain);
    case 'nat':
      return natEntry(sim, st, pkt, a, e.chains, ws, meta);
  }
}

function verdict(sim: Simulator, st: NsState, pkt: IpPacket, a: HookArgs, v: WalkVerdict, table: NfTable, chain: NfChain): boolean {
  if (v.verdict === 'accept' || v.verdict === 'nat') return true;
  const where = `${table.name} ${chain.name}`;
  if (v.verdict === 'drop') {
    sim.drop(st.ns, 'netfilter-drop', `${describe(pkt)} dropped by ${where}`, pkt, a.in ?? a.out);
    return false;
  }
  sim.drop(st.ns, 'netfilter-reject', `${describe(pkt)} rejected by ${where} (${v.with})`, pkt, a.in ?? a.out);
  const code = REJECT_CODE[v.with as RejectWith4] ?? null;
  if (code !== null) sim.nfOps.reject(sim, st, pkt, code, a.hook === 'input');
  else if (v.with === 'tcp-reset' && pkt.tcp) sim.nfOps.reset(sim, st, pkt);
  return false;
}

/** The NAT core at one hook: bind a new connection (chains in order, else the null binding), then rewrite. */
function natEntry(sim: Simulator, st: NsState, pkt: IpPacket, a: HookArgs, chains: { table: NfTable; chain: NfChain }[], ws: WalkState, meta: PacketNf): boolean {
  const ct = meta.ct;
  if (!ct) return true;
  const manip: Manip = a.hook === 'prerouting' || a.hook === 'output' ? 'dst' : 'src';
  if (meta.info === 'related' && pkt.ip.protocol === 1) {
    const before = pkt.ip.dst;
    if (!natIcmpError(ct, meta.dir, manip, pkt)) {
      sim.drop(st.ns, 'netfilter-drop', `${describe(pkt)}: a redirect about a translated connection`, pkt, a.in ?? a.out);
      return false;
    }
    if (sim.tracer && before !== pkt.ip.dst) traceNat(sim, st, a.hook, `ICMP error translated back: now ${describe(pkt)}`);
    return true;
  }
  if (meta.info !== 'established' && meta.dir === 'original' && !natInitialized(ct, manip)) {
    for (const { table, chain } of chains) {
      const v = walkChain(ws, table, chain);
      if (v.verdict === 'drop' || v.verdict === 'reject') return verdict(sim, st, pkt, a, v, table, chain);
      if (v.verdict === 'nat') {
        const range = natRange(pkt, a, v.kind, v.range, ct.orig.src);
        if (range === 'drop') {
          sim.drop(st.ns, 'netfilter-drop', `${describe(pkt)}: ${v.kind} found no address on ${(a.out ?? a.in)?.name ?? '?'}`, pkt, a.in ?? a.out);
          return false;
        }
        if (range !== 'skip') {
          setupNat(sim.nf, st.ns, ct, range, manip, sim.now);
          break;
        }
      }
    }
    if (!natInitialized(ct, manip)) setupNat(sim.nf, st.ns, ct, null, manip, sim.now);
    if (sim.tracer)
      traceNat(sim, st, a.hook, `connection ${ip4ToString(ct.orig.src)} > ${ip4ToString(ct.orig.dst)} bound: replies come from ${ip4ToString(ct.reply.src)} to ${ip4ToString(ct.reply.dst)}`);
  }
  const before = `${pkt.ip.src}>${pkt.ip.dst}`;
  natPacket(ct, meta.dir, manip, pkt);
  if (sim.tracer && before !== `${pkt.ip.src}>${pkt.ip.dst}`) traceNat(sim, st, a.hook, `${manip === 'src' ? 'source' : 'destination'} rewritten: ${describe(pkt)}`);
  return true;
}

/** The range a NAT target binds to now: MASQUERADE's address toward the next hop, REDIRECT's own address. */
function natRange(pkt: IpPacket, a: HookArgs, kind: string, range: NatRange, origSrc: Ip4): NatRange | 'drop' | 'skip' {
  if (kind === 'MASQUERADE') {
    // a locally generated packet without a source yet is not masqueraded
    if (origSrc === 0) return 'skip';
    const out = a.out;
    if (!out) return 'drop';
    const addr = inetSelectAddr(out, a.nexthop ?? pkt.ip.dst, SCOPE.global);
    if (!addr) return 'drop';
    return { ...range, mapIps: true, minAddr: addr, maxAddr: addr };
  }
  if (kind === 'NETMAP') {
    // netmap_tg4: the address's host bits under the range's network
    const mask = ~(range.minAddr ^ range.maxAddr) >>> 0;
    const old = a.hook === 'prerouting' || a.hook === 'output' ? pkt.ip.dst : pkt.ip.src;
    const addr = ((old & ~mask) | (range.minAddr & mask)) >>> 0;
    return { ...range, mapIps: true, minAddr: addr, maxAddr: addr };
  }
  if (kind === 'REDIRECT') {
    let addr = 0x7f000001;
    if (a.hook === 'prerouting') {
      const first = a.in?.addrs[0];
      if (!first) return 'drop';
      addr = first.local;
    }
    return { ...range, mapIps: true, minAddr: addr, maxAddr: addr };
  }
  return range;
}

function traceHit(sim: Simulator, st: NsState, hook: Hook, h: RuleHit): void {
  const info: NfTraceInfo = { hook, table: h.table, chain: h.chain, rulenum: h.rulenum, rule: h.rule, what: h.rule ? 'rule' : 'policy' };
  const what = h.rule ? `rule ${h.rulenum} matched` : `policy ${h.chain.policy}`;
  sim.tracer?.step(sim.now, st.ns.path, 'netfilter', `${hook}: ${h.table.name} ${h.chain.name} ${what}`, undefined, info);
}

function traceCt(sim: Simulator, st: NsState, hook: Hook, meta: PacketNf): void {
  const ct = meta.ct;
  const state = !ct ? 'INVALID (no connection)' : `${meta.info.toUpperCase()}${meta.dir === 'reply' ? ' (reply direction)' : ''}`;
  const conn = ct ? ` connection ${ip4ToString(ct.orig.src)} > ${ip4ToString(ct.orig.dst)}` : '';
  sim.tracer?.step(sim.now, st.ns.path, 'netfilter', `${hook}: conntrack ${state}${conn}`, undefined, { hook, what: 'conntrack' });
}

function traceNat(sim: Simulator, st: NsState, hook: Hook, detail: string): void {
  sim.tracer?.step(sim.now, st.ns.path, 'netfilter', `${hook}: NAT ${detail}`, undefined, { hook, what: 'nat' });
}

/**
 * LOCAL_OUT (__ip_local_out) for a packet on route `rt`: the OUTPUT hook, then, when NAT or
 * mangle changed its destination, the route again (ip_route_me_harder); null when the packet
 * goes no further.
 */
export function nfLocalOut(sim: Simulator, st: NsState, pkt: IpPacket, rt: RtEntry): RtEntry | null {
  if (!st.ns.nf) return rt;
  const dst = pkt.ip.dst;
  const mark = pkt.nf?.ns === st.ns ? pkt.nf.mark : 0;
  if (!nfHook(sim, st, pkt, { hook: 'output', in: null, out: rt.dev })) return null;
  // ipt_mangle_out / nf_nat_ipv4_local_fn: a new destination or mark is routed again (ip_route_me_harder)
  const newMark = pkt.nf?.ns === st.ns ? pkt.nf.mark : 0;
  if (pkt.ip.dst === dst && newMark === mark) return rt;
  const res = routeOutput(st, { dst: pkt.ip.dst, src: pkt.ip.src, oif: null, mark: newMark });
  if (!res.ok) {
    sim.drop(st.ns, 'no-route', `${describe(pkt)}: no route after its destination was translated (${res.errno})`, pkt, rt.dev);
    return null;
  }
  if (sim.tracer) sim.step(st.ns, 'route', `${describe(pkt)} routed again after ${pkt.ip.dst === dst ? 'its mark changed' : 'NAT'}: out ${res.rt.dev.name}`);
  return res.rt;
}
