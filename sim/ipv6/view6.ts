/**
 * The simulator's view of a namespace for the IPv6 route decisions (src/model/ipv6/route6.ts):
 * the model's tables, and the neighbour entries the simulator learnt, which a host's router
 * selection reads (a gateway whose entry FAILED is passed over).
 */
import type { Fib6View } from '../../src/model/ipv6/fib6-lookup.js';
import { neighLookup } from '../neighbor.js';
import type { NsState } from '../ns-state.js';
import type { Simulator } from '../simulator.js';

export function simView6(sim: Simulator, st: NsState): Fib6View {
  return {
    ns: st.ns,
    neighFailed: (dev, gw) => neighLookup(st, dev, gw)?.state === 'failed',
    // which sibling the kernel's hash takes is its secret: what ran is not modelled
    multipathHash: (r) => {
      sim.hashedRoute = r;
    },
  };
}
