/**
 * The kernel behaviours issue #15 asked the simulator to model instead of flagging — proxy ARP
 * (and `ip neigh add proxy`), multicast VXLAN, MTU and fragmentation with the PMTU cache, learned
 * bridge FDB entries, `via 0.0.0.0` — and public tutorials that use them, each a script under
 * test/cases/models/ run in the simulator and, sandboxed, on the kernel: every command and every
 * ping must agree, and no line may be "not modelled" or "partial" (the model claims them all).
 */
import { describeReal } from './require-real.js';
import { modelledCases } from './modelled-cases.js';

describeReal('models: proxy ARP, multicast VXLAN, MTU/PMTU, learned FDB, via 0.0.0.0 — simulator vs kernel', () => {
  modelledCases('models');
});
