/**
 * br_netfilter (net/bridge/br_netfilter_hooks.c), built into the reference kernel: while
 * net.bridge.bridge-nf-call-iptables is 1 in the bridge's namespace (the default in every
 * namespace), an IPv4 frame entering a bridge runs the namespace's PREROUTING with the bridge
 * as its input device and the port as its physical one (-m physdev); a frame the bridge then
 * forwards runs FORWARD (in and out: the bridge) and POSTROUTING, once per port it goes out
 * of. A frame for the host itself goes up to IP, which does not run PREROUTING a second time.
 * A destination rewritten by DNAT at the bridge sends the frame up to IP to be routed (the
 * kernel bridges it again only when the new destination is behind the same bridge; the model
 * routes it).
 */
import type { Link } from '../../src/model/link.js';
import type { Frame } from '../packet.js';
import type { Simulator } from '../simulator.js';
import { compiledHooks } from './compile.js';
import { nfHook } from './hook.js';
import { nfMeta } from './skb.js';

/** Whether bridged IPv4 of `br` goes through iptables now. */
function active(br: Link): boolean {
  const nf = br.ns.nf;
  return !!nf && nf.bridge['bridge-nf-call-iptables'] !== 0 && !compiledHooks(nf).empty;
}

/**
 * br_nf_pre_routing for a frame arriving on `port`: 'drop', 'up' (DNAT sent it to the IP
 * stack), or 'bridge' (go on as the bridge decides).
 */
export function brNfPreRouting(sim: Simulator, br: Link, port: Link, frame: Frame): 'drop' | 'up' | 'bridge' {
  const pkt = frame.pkt;
  if (!pkt || !active(br)) return 'bridge';
  const meta = nfMeta(pkt, br.ns);
  meta.physIn = port;
  const dst = pkt.ip.dst;
  if (!nfHook(sim, sim.state(br.ns), pkt, { hook: 'prerouting', in: br, out: null })) return 'drop';
  meta.bridgedPre = true;
  return pkt.ip.dst !== dst ? 'up' : 'bridge';
}

/** br_nf_forward_ip and br_nf_post_routing for one copy of a frame leaving by `to`; false when dropped. */
export function brNfForward(sim: Simulator, br: Link, to: Link, frame: Frame): boolean {
  const pkt = frame.pkt;
  if (!pkt || !pkt.nf?.bridgedPre || pkt.nf.ns !== br.ns) return true;
  pkt.nf.physOut = to;
  const st = sim.state(br.ns);
  return nfHook(sim, st, pkt, { hook: 'forward', in: br, out: br }) && nfHook(sim, st, pkt, { hook: 'postrouting', in: null, out: br });
}
