/**
 * VXLAN's data path (RFC 7348; drivers/net/vxlan/vxlan_core.c vxlan_xmit, vxlan_rcv,
 * vxlan_snoop). Transmit: the destination MAC's FDB entry names the remote VTEP(s); a MAC with
 * no entry (and every broadcast or multicast) goes to each remote of the all-zeros entry — the
 * `remote` given at creation and every `bridge fdb append 00:00:00:00:00:00 … dst IP`; with
 * neither, the frame is dropped (so ARP fails). Each copy is put in UDP to the remote's
 * `dstport` (8472 by default), from `local` or the address the route gives, and routed over
 * the underlay of the device's namespace; a `group` remote is multicast out of the lower device
 * (TTL 1 unless set, no loopback to this host: the socket clears IP_MULTICAST_LOOP), and every
 * VXLAN device up with that group has joined it there (route-output.ts joinedGroup). Receive: a datagram to the port of a VXLAN device that
 * is up, with its VNI, is decapsulated; with learning on, its inner source MAC is learned as
 * behind the outer source address (never moving a static entry: such a frame is dropped), then
 * the frame enters the device — and its bridge, when it is a port. A VTEP never sends what it
 * received back into the overlay: a bridge does not flood a frame back out of the port it came
 * in on, so VTEPs do not relay between their remotes.
 */
import { ip4ToString, isMulticast } from '../src/model/ip.js';
import type { Netns } from '../src/model/netns.js';
import type { Link } from '../src/model/link.js';
import type { NsState } from './ns-state.js';
import type { Frame, Ip6Packet, IpPacket } from './packet.js';
import { routeOutput } from '../src/model/route-output.js';
import { ipOutput } from './ip-output.js';
import type { Simulator } from './simulator.js';
import { cloneFrame, l2Length } from './tunnel-frame.js';
import { isGroupMac } from './wire/ethernet.js';
import { DEFAULT_TTL, IP_PROTO } from './wire/ipv4.js';
import { UDP_HEADER_LEN } from './wire/udp.js';
import { VXLAN_HEADER_LEN } from './wire/vxlan.js';
import { vxlanProxy } from './vxlan-proxy.js';
import { formatEither, isEitherMulticast, type IpEither } from '../src/model/ipv6/either.js';
import { vxlanXmit6 } from './ipv6/vxlan6.js';

const ZERO_MAC = '00:00:00:00:00:00';
/** vxlan's default FDB ageing (VXLAN_AGEING): 300 s */
const AGEING_US = 300e6;
/** udp_flow_src_port's range: net.ipv4.ip_local_port_range */
const SRC_PORT_LOW = 32768;
const SRC_PORT_HIGH = 61000;

/** A learned remote: the VTEP a MAC was last seen behind. */
interface Learned {
  dst: IpEither;
  updated: number;
  /** when it was made, on the lab's version scale: after the command that ran last (vxlan_fdb_dump lists the newest first) */
  seq: number;
}

const learnedBySim = new WeakMap<Simulator, Map<Link, Map<string, Learned>>>();

function learned(sim: Simulator, dev: Link): Map<string, Learned> {
  let bySim = learnedBySim.get(sim);
  if (!bySim) {
    bySim = new Map();
    learnedBySim.set(sim, bySim);
  }
  let m = bySim.get(dev);
  if (!m) {
    m = new Map();
    bySim.set(dev, m);
  }
  return m;
}

/**
 * The entries a VXLAN device has learned and still keeps (MAC → remote), for display and tests.
 *
 * @example
 * vxlanLearned(sim, vx0); // Map { '0a:…' => 192.168.0.26 }
 */
export function vxlanLearned(sim: Simulator, dev: Link): Map<string, IpEither> {
  const out = new Map<string, IpEither>();
  for (const [mac, e] of learned(sim, dev)) if (sim.now - e.updated <= AGEING_US) out.set(mac, e.dst);
  return out;
}

/** The entries a VXLAN device learned and still keeps, for `bridge fdb show`. */
export function vxlanLearnedEntries(sim: Simulator, dev: Link): { mac: string; dst: IpEither; seq: number }[] {
  sim.sync();
  const out: { mac: string; dst: IpEither; seq: number }[] = [];
  for (const [mac, e] of learned(sim, dev)) if (sim.now - e.updated <= AGEING_US) out.push({ mac, dst: e.dst, seq: e.seq });
  return out;
}

/**
 * The kernel socket an up VXLAN device holds (vxlan_sock_add), or null: an IPv6 one (v6only)
 * when any of its addresses is IPv6 (VXLAN_F_IPV6), else an IPv4 one; `local` 0 or 0n: any.
 */
/** The VXLAN devices whose socket is in `ns`: its own, and those made here and moved away since. */
export function vxlansOf(ns: Netns): Link[] {
  const out: Link[] = [];
  for (const l of ns.linkList()) if (l.vxlan && (l.vxlan.net ?? ns) === ns) out.push(l);
  const host = ns.host;
  for (const other of [host.root, ...host.namespaces.values()]) {
    if (other === ns) continue;
    for (const l of other.linkList()) if (l.vxlan?.net === ns) out.push(l);
  }
  return out;
}

export function vxlanSocketOf(l: Link): { local: IpEither; port: number; v6: boolean } | null {
  if (l.kind !== 'vxlan' || !l.vxlan || !l.up) return null;
  const v = l.vxlan;
  const v6 = [v.local, v.remote, v.group].some((a) => typeof a === 'bigint');
  return { local: v.local ?? (v6 ? 0n : 0), port: v.dstport, v6 };
}

/** The remotes for a destination MAC: its own entry's, else the all-zeros entry's. */
function remotesFor(sim: Simulator, dev: Link, mac: string): IpEither[] {
  if (!isGroupMac(mac)) {
    const fixed = dev.fdb.filter((f) => f.mac === mac && f.dst !== null && !f.master).map((f) => f.dst!);
    if (fixed.length) return fixed;
    const l = learned(sim, dev).get(mac);
    if (l && sim.now - l.updated <= AGEING_US) return [l.dst];
  }
  return dev.fdb.filter((f) => f.mac === ZERO_MAC && f.dst !== null && !f.master).map((f) => f.dst!);
}

/** udp_flow_src_port: a hash of the inner flow, so one flow keeps one source port. */
function srcPort(frame: Frame): number {
  const key = frame.pkt ? `${frame.pkt.ip.src}>${frame.pkt.ip.dst}/${frame.pkt.ip.protocol}` : `${frame.eth.src}>${frame.eth.dst}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return SRC_PORT_LOW + (h % (SRC_PORT_HIGH - SRC_PORT_LOW));
}

/** vxlan_xmit: one UDP datagram per remote. */
export function vxlanXmit(sim: Simulator, dev: Link, frame: Frame): void {
  const v = dev.vxlan!;
  if (v.proxy && vxlanProxy(sim, dev, frame)) return;
  const remotes = remotesFor(sim, dev, frame.eth.dst);
  if (!remotes.length) {
    if (sim.tracer) sim.stepDrop(dev.ns, 'no-fdb-port', `${dev.name}: no FDB entry for ${frame.eth.dst} and no default remote (remote or 00:00:00:00:00:00 entry)`);
    return;
  }
  // the socket and the underlay are the namespace the device was made in (vxlan->net)
  const net = v.net ?? dev.ns;
  const st = sim.state(net);
  const lower = v.dev !== null ? (net.linkByName(v.dev) ?? null) : null;
  for (const remote of remotes) {
    if (typeof remote === 'bigint') {
      vxlanXmit6(sim, dev, lower, remote, frame, srcPort(frame));
      continue;
    }
    if (typeof v.local === 'bigint') continue;
    const res = routeOutput(st, { dst: remote, src: v.local ?? 0, oif: lower });
    if (!res.ok) {
      if (sim.tracer) sim.stepDrop(dev.ns, 'no-route', `${dev.name}: no route to remote VTEP ${ip4ToString(remote)} (${res.errno})`);
      continue;
    }
    if (res.rt.dev === dev) {
      if (sim.tracer) sim.stepDrop(dev.ns, 'loop', `${dev.name}: the route to remote VTEP ${ip4ToString(remote)} goes through ${dev.name} itself`);
      continue;
    }
    const inner = cloneFrame(frame);
    const payload = VXLAN_HEADER_LEN + l2Length(inner);
    const pkt: IpPacket = {
      // df unset (the default): the outer packet may be fragmented on the way
      // vxlan_xmit_one: ttl auto is 1 toward a multicast group
      ip: { src: res.rt.saddr, dst: remote, ttl: v.ttl || (isMulticast(remote) ? 1 : DEFAULT_TTL), protocol: IP_PROTO.udp, id: st.nextIpId(), tos: 0, df: false, payloadLen: UDP_HEADER_LEN + payload },
      icmp: null,
      udp: { srcPort: srcPort(frame), dstPort: v.dstport, payloadLen: payload },
      inner,
      vni: v.id,
    };
    if (sim.tracer) sim.step(dev.ns, 'xmit', `${dev.name}: VXLAN id ${v.id} to ${ip4ToString(remote)}:${v.dstport} from ${ip4ToString(res.rt.saddr)}`);
    ipOutput(sim, st, pkt, res.rt);
  }
}

/**
 * vxlan_rcv for a UDP datagram delivered to this namespace: true when a VXLAN socket took it
 * (decapsulated or dropped), false when no VXLAN device listens on its port.
 */
export function vxlanRcv(sim: Simulator, st: NsState, dev: Link, pkt: IpPacket): boolean {
  const o = { src: pkt.ip.src, dst: pkt.ip.dst, port: pkt.udp!.dstPort, vni: pkt.vni, inner: pkt.inner, v6: false };
  return vxlanDecap(sim, st, o, (reason, why) => sim.drop(st.ns, reason, why, pkt, dev));
}

/** vxlan_rcv for a UDP datagram over IPv6 delivered to this namespace (an encapsulation socket of ip6-deliver.ts). */
export function vxlanRcv6(sim: Simulator, st: NsState, pkt: Ip6Packet): boolean {
  const u = pkt.udp;
  if (!u) return false;
  const o = { src: pkt.ip6.src, dst: pkt.ip6.dst, port: u.dstPort, vni: pkt.vni, inner: pkt.inner, v6: true };
  return vxlanDecap(sim, st, o, (reason, why) => {
    if (sim.tracer) sim.stepDrop(st.ns, reason, why);
  });
}

/** A VXLAN datagram as the socket sees it, of either family. */
export interface VxlanDatagram {
  src: IpEither;
  dst: IpEither;
  port: number;
  vni: number | undefined;
  inner: Frame | null;
  v6: boolean;
}

/** vxlan_rcv after the UDP socket lookup, whatever the underlay's family. */
export function vxlanDecap(sim: Simulator, st: NsState, o: VxlanDatagram, drop: (reason: 'no-socket' | 'loop' | 'no-fdb-port', why: string) => void): boolean {
  const ns = st.ns;
  let socket = false;
  let target: Link | null = null;
  for (const l of vxlansOf(ns)) {
    const s = vxlanSocketOf(l);
    // a datagram to the group reaches the socket whatever its local address
    if (!s || s.v6 !== o.v6 || s.port !== o.port || (s.local !== 0 && s.local !== 0n && s.local !== o.dst && !isEitherMulticast(o.dst))) continue;
    socket = true;
    if (l.vxlan!.id === o.vni) target = l;
  }
  if (!socket) return false;
  const inner = o.inner;
  if (!target || !inner || o.vni === undefined) {
    drop('no-socket', `VXLAN datagram on port ${o.port} with ${o.vni === undefined ? 'no VXLAN header' : `VNI ${o.vni}, which no device here has`}`);
    return true;
  }
  const frame = cloneFrame(inner);
  if (frame.eth.src === target.mac) {
    drop('loop', `${target.name}: a frame from our own MAC came back`);
    return true;
  }
  if (target.vxlan!.learning && !snoop(sim, target, frame.eth.src, o.src)) {
    drop('no-fdb-port', `${target.name}: ${frame.eth.src} is a static entry behind another VTEP`);
    return true;
  }
  if (sim.tracer) sim.step(ns, 'rx', `${target.name}: VXLAN id ${o.vni} from ${formatEither(o.src)} decapsulated (${frame.eth.src} > ${frame.eth.dst})`);
  sim.receive(target, frame);
  return true;
}

/** vxlan_snoop: learn (or move) a source MAC; false when a static entry says otherwise. */
function snoop(sim: Simulator, dev: Link, mac: string, from: IpEither): boolean {
  const fixed = dev.fdb.find((f) => f.mac === mac && f.dst !== null && !f.master);
  if (fixed) return fixed.dst === from;
  const m = learned(sim, dev);
  const e = m.get(mac);
  if (e && e.dst !== from && sim.tracer) sim.step(dev.ns, 'fdb', `${dev.name}: ${mac} moved to ${formatEither(from)}`);
  else if (!e && sim.tracer) sim.step(dev.ns, 'fdb', `${dev.name}: learned ${mac} behind ${formatEither(from)}`);
  m.set(mac, { dst: from, updated: sim.now, seq: e ? e.seq : sim.lab.version + 0.5 });
  return true;
}
