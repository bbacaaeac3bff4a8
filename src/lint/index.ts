/** The lint rules, in the order findings are reported, and the entry point. */
import { badAddress } from './rule-bad-address.js';
import { gatewayOfflink } from './rule-gateway-offlink.js';
import { bridgeDown } from './rule-bridge-down.js';
import { duplicateAddress } from './rule-duplicate-address.js';
import { forwardingOff } from './rule-forwarding-off.js';
import { forwardDrop } from './rule-forward-drop.js';
import { natNoForwarding } from './rule-nat-no-forwarding.js';
import { shadowed } from './rule-shadowed.js';
import { masqueradeNoEgress } from './rule-masquerade-no-egress.js';
import { dnatNoForwardAccept } from './rule-dnat-no-forward-accept.js';
import { portNoListener } from './rule-port-no-listener.js';
import { bridgeNf } from './rule-bridge-nf.js';
import { nameTooLong } from './rule-name-too-long.js';
import { noReturnRoute } from './rule-no-return-route.js';
import { noReturnRoute6 } from './rule-no-return-route6.js';
import { overlappingSubnets } from './rule-overlapping-subnets.js';
import type { Finding, LintInput, LintRule } from './rule.js';
import { copiedBlock } from './rule-copied-block.js';
import { pingTarget } from './rule-ping-target.js';
import { linkLocalScope } from './rule-link-local-scope.js';
import { linkLocalGateway } from './rule-link-local-gateway.js';
import { loDown } from './rule-lo-down.js';
import { refusedPath } from './rule-refused-path.js';
import { routeExists } from './rule-route-exists.js';
import { tunnelOrder } from './rule-tunnel-order.js';
import { notSimulated } from './rule-not-simulated.js';

export type { Finding, LintInput, LintRule } from './rule.js';

export const RULES: LintRule[] = [
  refusedPath,
  badAddress,
  gatewayOfflink,
  linkLocalGateway,
  nameTooLong,
  overlappingSubnets,
  duplicateAddress,
  bridgeDown,
  forwardingOff,
  forwardDrop,
  natNoForwarding,
  shadowed,
  masqueradeNoEgress,
  dnatNoForwardAccept,
  portNoListener,
  bridgeNf,
  noReturnRoute,
  noReturnRoute6,
  loDown,
  routeExists,
  copiedBlock,
  tunnelOrder,
  pingTarget,
  linkLocalScope,
  notSimulated,
];

export function lint(input: LintInput, rules: LintRule[] = RULES): Finding[] {
  const out: Finding[] = [];
  for (const r of rules) out.push(...r.check(input));
  return out.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
}

export function formatFindings(findings: Finding[]): string {
  if (!findings.length) return 'no problems found\n';
  let out = '';
  for (const f of findings) {
    out += `${f.file}:${f.line}: ${f.severity}: ${f.message} [${f.rule}]\n    fix: ${f.fix}\n`;
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  out += `${errors} error(s), ${findings.length - errors} warning(s)\n`;
  return out;
}
