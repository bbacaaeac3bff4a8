/**
 * Settings a line sets that the simulator keeps but does not act on (src/model/not-simulated.ts):
 * `sysctl -w net.ipv4.conf.veth1.proxy_arp=1`, `ip link set veth0 mtu 1000`, a bridge's
 * `stp_state 1`, a VXLAN `group`. The simulation answers as if they were left at the kernel's
 * default, so whatever it says about traffic they would change is not what the kernel does.
 */
import type { LintRule } from './rule.js';

export const notSimulated: LintRule = {
  id: 'not-simulated',
  description: 'a setting the simulator keeps but does not act on',
  check({ steps }) {
    return steps.flatMap((s) =>
      s.modelled === 'partial'
        ? (s.ignored ?? []).map((setting) => ({
            rule: 'not-simulated',
            severity: 'warning' as const,
            file: s.file,
            line: s.line,
            host: s.host,
            message: `${setting} is set and not simulated: nettwin answers as if it kept the kernel's default`,
            fix: 'check what it changes with `nettwin diff` (the kernel acts on it), or leave it out if it is not needed',
          }))
        : [],
    );
  },
};
