/**
 * br_netfilter (net/bridge/br_netfilter_hooks.c), built into the reference kernel: while
 * net.bridge.bridge-nf-call-iptables is 1 in the bridge's namespace (the default in every
 * namespace), an IPv4 frame entering a bridge runs the namespace's PREROUTING with the bridge
 * as its input device and the port as its physical one (-m physdev); a frame the bridge then
 * forwards runs FORWARD (in and out: the bridge) and POSTROUTING, once per port it goes out
 * of. A frame for the host itself goes up to IP, which does not run PREROUTING a second time.
 * A destination rewritten at the bridge (DNAT, or a NATed connection's reply un-NATed) is
 * routed: when the route leaves by the bridge itself — forwarding on, or, with it off, the
 * output route does ("bridged DNAT") — the frame is bridged again toward the new
 * destination's neighbour (its MAC when the neighbour is reachable, else after resolving it
 * from the bridge), its TTL untouched; otherwise it goes up to IP to be routed.
 */
import type { Link } from '../../src/model/link.js';
import type { Frame } from '../packet.js';
import type { Simulator } from '../simulator.js';
import { compiledHooks, compiledHooks6 } from './compile.js';
import { nfHook } from './hook.js';
import { nfHook6 } from './hook6.js';
import { nfMeta } from './skb.js';
import { ip4ToString, type Ip4 } from '../../src/model/ip.js';
import { routeOutput } from '../../src/model/route-output.js';
import { inputDecision } from '../input-decision.js';
import { neighLookup, neighResolve } from '../neighbor.js';

/** Whether bridged IPv4 of `br` goes through iptables now. */
function active(br: Link): boolean {
  const nf = br.ns.nf;
  return !!nf && nf.bridge['bridge-nf-call-iptables'] !== 0 && !compiledHooks(nf).empty;
}

/** Whether bridged IPv6 of `br` goes through ip6tables (and nft's ip6 and inet chains) now. */
function active6(br: Link): boolean {
  const nf = br.ns.nf;
  return !!nf && nf.bridge['bridge-nf-call-ip6tables'] !== 0 && !compiledHooks6(nf).empty;
}

/**
 * br_nf_pre_routing for a frame arriving on `port`: 'drop', 'up' (DNAT sent it to the IP
 * stack), 'bridge' (go on as the bridge decides), or 'consumed' (the neighbour layer bridges
 * it once it knows the new destination's MAC). An IPv6 frame runs the IPv6 hooks alike
 * (br_nf_pre_routing_ipv6), without NAT.
 */
export function brNfPreRouting(sim: Simulator, br: Link, port: Link, frame: Frame): 'drop' | 'up' | 'bridge' | 'consumed' {
  const pkt = frame.pkt;
  const p6 = frame.pkt6;
  if (!pkt && p6 && active6(br)) {
    const meta = nfMeta(p6, br.ns);
    meta.physIn = port;
    if (!nfHook6(sim, sim.state(br.ns), p6, { hook: 'prerouting', in: br, out: null })) return 'drop';
    meta.bridgedPre = true;
    return 'bridge';
  }
  if (!pkt || !active(br)) return 'bridge';
  const meta = nfMeta(pkt, br.ns);
  meta.physIn = port;
  const dst = pkt.ip.dst;
  if (!nfHook(sim, sim.state(br.ns), pkt, { hook: 'prerouting', in: br, out: null })) return 'drop';
  meta.bridgedPre = true;
  if (pkt.ip.dst === dst) return 'bridge';
  return bridgedDnat(sim, br, frame) ? 'consumed' : 'up';
}

/**
 * br_nf_pre_routing_finish for a changed destination: true when the frame went on as a bridged
 * frame (rewritten to the neighbour's MAC and bridged, or handed to the neighbour layer on the
 * bridge, which bridges it once resolved), false when it goes up to IP.
 */
function bridgedDnat(sim: Simulator, br: Link, frame: Frame): boolean {
  const pkt = frame.pkt!;
  const st = sim.state(br.ns);
  const d = inputDecision(st, br, pkt.ip.dst, pkt.ip.src, pkt.ip.tos);
  let nh: Ip4;
  if (d.kind === 'forward') {
    if (d.dev !== br) return false;
    nh = d.gateway ?? pkt.ip.dst;
  } else if (d.kind === 'drop' && d.reason === 'forwarding-off') {
    // bridged and DNATed traffic needs no ip_forward: the output route decides
    const out = routeOutput(st, { dst: pkt.ip.dst, src: 0, oif: null });
    if (!out.ok || out.rt.dev !== br) return false;
    nh = out.rt.gateway ?? pkt.ip.dst;
  } else return false;
  const e = neighLookup(st, br, nh);
  if (sim.tracer) sim.step(br.ns, 'bridge', `${br.name}: destination translated to ${ip4ToString(pkt.ip.dst)}, behind the same bridge: bridged again`);
  if (e?.mac && (e.state === 'reachable' || e.state === 'permanent' || e.state === 'noarp')) {
    frame.eth.dst = e.mac;
    return false;
  }
  neighResolve(sim, st, br, nh, pkt);
  return true;
}

/** br_nf_forward_ip and br_nf_post_routing for one copy of a frame leaving by `to`; false when dropped. */
export function brNfForward(sim: Simulator, br: Link, to: Link, frame: Frame): boolean {
  const pkt = frame.pkt;
  const p6 = frame.pkt6;
  if (!pkt && p6?.nf?.bridgedPre && p6.nf.ns === br.ns) {
    p6.nf.physOut = to;
    const st = sim.state(br.ns);
    return nfHook6(sim, st, p6, { hook: 'forward', in: br, out: br }) && nfHook6(sim, st, p6, { hook: 'postrouting', in: null, out: br });
  }
  if (!pkt || !pkt.nf?.bridgedPre || pkt.nf.ns !== br.ns) return true;
  pkt.nf.physOut = to;
  const st = sim.state(br.ns);
  return nfHook(sim, st, pkt, { hook: 'forward', in: br, out: br }) && nfHook(sim, st, pkt, { hook: 'postrouting', in: null, out: br });
}
