/**
 * Policy routing rules beyond from/to (`not`, `fwmark`, `tos`, `goto`, `nop`, delete by
 * selector or action, `flush`) and routing by firewall mark through netfilter (mangle MARK in
 * PREROUTING and OUTPUT, ip_route_me_harder): each script under test/cases/rules/ against the
 * kernel, claimed whole (modelled-cases.ts).
 */
import { describeReal } from './require-real.js';
import { modelledCases } from './modelled-cases.js';

describeReal('ip rule selectors and fwmark routing — simulator vs kernel', () => {
  modelledCases('rules');
});
