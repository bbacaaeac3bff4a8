/**
 * The ingress hook of tc (net/core/dev.c sch_handle_ingress, run by __netif_receive_skb_core
 * before VLAN devices and rx_handlers): the ingress or clsact qdisc's filters, first match by
 * priority (tcf_classify; a u32 node without TC_U32_TERMINAL never matches), then the
 * filter's mirred actions in order (act_mirred.c tcf_mirred_act): a copy (`mirror`, TC_ACT_PIPE)
 * or the packet itself (`redirect`, TC_ACT_STOLEN) sent out of the target device or received
 * on it; a redirected one is marked as taken from here, so that an ifb gives it back (a mirrored
 * copy is not, and an ifb drops it: measured, no duplicate reply). A target that is down or
 * without carrier gets nothing, and a redirect then drops the packet (TC_ACT_SHOT).
 */
import type { Link } from '../src/model/link.js';
import type { Frame } from './packet.js';
import { frameBytes } from './pcap/frame-bytes.js';
import type { Simulator } from './simulator.js';
import { filterMatches } from './tc-classify.js';

/** true when the filters took the frame (stolen or dropped): the stack does not see it. */
export function tcIngress(sim: Simulator, dev: Link, frame: Frame): boolean {
  const q = dev.ingress!;
  if (q.filters.length === 0) return false;
  let bytes: Uint8Array | null = null;
  const hit = q.filters.find((f) => {
    if (f.kind === 'u32' && !f.terminal) return false;
    if (f.keys.length === 0 || f.keys.every((k) => k.mask === 0)) return f.protocol === 0x0003 || f.protocol === frame.eth.ethertype;
    bytes ??= frameBytes(frame);
    return filterMatches(f, frame.eth.ethertype, bytes);
  });
  if (!hit) return false;
  for (const a of hit.actions) {
    const to = dev.ns.links.get(a.ifindex);
    if (!to || !to.up || !sim.carrier(to)) {
      if (sim.tracer) sim.stepDrop(dev.ns, 'mirred', `${dev.name}: tc mirred's device ${to?.name ?? `#${a.ifindex}`} is down or gone`);
      if (a.redirect) return true;
      continue;
    }
    // only a redirect marks the packet (skb_set_redirected): an ifb drops a mirrored copy
    const copy: Frame = { ...frame, redirected: a.redirect ? { iif: dev, fromIngress: true } : undefined, skipClassify: undefined };
    if (sim.tracer) sim.step(dev.ns, 'rx', `${dev.name}: tc mirred ${a.redirect ? 'redirects' : 'mirrors'} the packet ${a.egress ? 'out of' : 'into'} ${to.name}`);
    if (a.egress) sim.xmit(to, copy);
    else sim.receive(to, copy);
    if (a.redirect) return true;
  }
  return false;
}
