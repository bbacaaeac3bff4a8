/**
 * apply(ctx, op): the one entry point that runs an Op against the model, like the kernel's
 * rtnetlink handlers. Either the Op succeeds with all its side effects, or it throws an
 * OpError with iproute2's words and changes nothing.
 */
import { applyAddrAdd, applyAddrDel, applyAddrFlush } from './apply-addr.js';
import { applyLinkAdd, applyLinkDel, applyLinkSet, applyTuntapAdd, applyTuntapDel } from './apply-link.js';
import { applyNetnsAdd, applyNetnsDel } from './apply-netns.js';
import { applyRouteAdd, applyRouteDel, applyRouteFlush } from './apply-route.js';
import { applySysctlSet } from './apply-sysctl.js';
import { applyFdb, applyNeigh, applyRule } from './apply-misc.js';
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
      return applyLinkAdd(ctx, op);
    case 'link.set':
      return applyLinkSet(ctx, op);
    case 'link.del':
      return applyLinkDel(ctx, op);
    case 'addr.add':
      return applyAddrAdd(ctx, op);
    case 'addr.del':
      return applyAddrDel(ctx, op);
    case 'addr.flush':
      return applyAddrFlush(ctx, op);
    case 'route.add':
      return applyRouteAdd(ctx, op);
    case 'route.del':
      return applyRouteDel(ctx, op);
    case 'route.flush':
      return applyRouteFlush(ctx, op);
    case 'netns.add':
      return applyNetnsAdd(ctx, op);
    case 'netns.del':
      return applyNetnsDel(ctx, op);
    case 'sysctl.set':
      return applySysctlSet(ctx, op);
    case 'tuntap.add':
      return applyTuntapAdd(ctx, op);
    case 'tuntap.del':
      return applyTuntapDel(ctx, op);
    case 'fdb.add':
      return applyFdb(ctx, op);
    case 'rule.add':
      return applyRule(ctx, op);
    case 'neigh.add':
      return applyNeigh(ctx, op);
  }
}
