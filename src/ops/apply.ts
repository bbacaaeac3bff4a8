/**
 * apply(ctx, op): the one entry point that runs an Op against the model, like the kernel's
 * rtnetlink handlers. Either the Op succeeds with all its side effects, or it throws an
 * OpError with iproute2's words and changes nothing.
 */
import { applyNexthopAdd, applyNexthopDel } from './apply-nexthop.js';
import { applyAddrAdd, applyAddrDel, applyAddrFlush } from './apply-addr.js';
import { applyLinkAdd, applyLinkDel, applyLinkSet, applyTuntapAdd, applyTuntapDel } from './apply-link.js';
import { applyNetnsAdd, applyNetnsDel, applyNetnsSetId } from './apply-netns.js';
import { applyRouteAdd, applyRouteDel, applyRouteFlush } from './apply-route.js';
import { applySysctlSet } from './apply-sysctl.js';
import { applyBridgeVlan } from './apply-bridge-vlan.js';
import { applyFdb, applyNeigh, applyNeighProxy, applyRule } from './apply-misc.js';
import { applyXt } from './apply-xtables.js';
import { applyNft } from './apply-nftables.js';
import { applyAddr6Add, applyAddr6Del } from './apply-addr6.js';
import { applyRoute6Add, applyRoute6Del } from './apply-route6.js';
import { applyNeigh6, applyRule6 } from './apply-neigh6.js';
import type { OpContext } from './context.js';
import type { Op } from './op.js';

/**
 * Runs one Op in a namespace with the kernel's validation and side effects. If the kernel
 * would refuse, throws an OpError (iproute2's stderr and exit status) and changes nothing.
 *
 * @example
 * const h = new LabModel().addHost('h');
 * apply({ ns: h.root }, ops.bridge('br0'));
 * apply({ ns: h.root }, ops.linkSet('br0', { up: true }));
 */
export function apply(ctx: OpContext, op: Op): void {
  switch (op.op) {
    case 'link.add':
      applyLinkAdd(ctx, op);
      return;
    case 'link.set':
      applyLinkSet(ctx, op);
      return;
    case 'link.del':
      applyLinkDel(ctx, op);
      return;
    case 'addr.add':
      applyAddrAdd(ctx, op);
      return;
    case 'addr.del':
      applyAddrDel(ctx, op);
      return;
    case 'addr.flush':
      applyAddrFlush(ctx, op);
      return;
    case 'route.add':
      applyRouteAdd(ctx, op);
      return;
    case 'route.del':
      applyRouteDel(ctx, op);
      return;
    case 'route.flush':
      applyRouteFlush(ctx, op);
      return;
    case 'route.flushCache':
      ctx.ns.pmtu.clear();
      return;
    case 'nexthop.add':
      applyNexthopAdd(ctx, op);
      return;
    case 'nexthop.del':
      applyNexthopDel(ctx, op);
      return;
    case 'netns.add':
      applyNetnsAdd(ctx, op);
      return;
    case 'netns.del':
      applyNetnsDel(ctx, op);
      return;
    case 'netns.setid':
      applyNetnsSetId(ctx, op);
      return;
    case 'sysctl.set':
      applySysctlSet(ctx, op);
      return;
    case 'tuntap.add':
      applyTuntapAdd(ctx, op);
      return;
    case 'tuntap.del':
      applyTuntapDel(ctx, op);
      return;
    case 'fdb.add':
      applyFdb(ctx, op);
      return;
    case 'bridge.vlan':
      applyBridgeVlan(ctx, op);
      return;
    case 'rule.add':
      applyRule(ctx, op);
      return;
    case 'neigh.add':
      applyNeigh(ctx, op);
      return;
    case 'nf.xt':
      applyXt(ctx, op);
      return;
    case 'nf.nft':
      applyNft(ctx, op);
      return;
    case 'neigh.proxy':
      applyNeighProxy(ctx, op);
      return;
    case 'addr6.add':
      applyAddr6Add(ctx, op);
      return;
    case 'addr6.del':
      applyAddr6Del(ctx, op);
      return;
    case 'route6.add':
      applyRoute6Add(ctx, op);
      return;
    case 'route6.del':
      applyRoute6Del(ctx, op);
      return;
    case 'rule6.add':
      applyRule6(ctx, op);
      return;
    case 'neigh6.add':
      applyNeigh6(ctx, op);
      return;
  }
}
