/**
 * A socat tunnel brought up before its far end listens (the seed's step 13-2 as written): the
 * moment the tun is up the kernel sends its IPv6 router solicitation through it; with nothing
 * listening at the far end the answer is an ICMP port unreachable, socat exits, and the tun
 * and every route through it are gone. The simulator saw that happen (a background job that
 * ended with "Connection refused").
 */
import type { Finding, LintRule } from './rule.js';

export const tunnelOrder: LintRule = {
  id: 'tunnel-far-end-not-listening',
  description: 'a socat tunnel whose far end did not listen when its tun came up',
  check({ steps }) {
    const out: Finding[] = [];
    for (const s of steps) {
      for (const j of s.jobs ?? []) {
        if (!/E read\(\d+, 0x[0-9a-f]+, \d+\): Connection refused/.test(j.stderr)) continue;
        const start = steps.find((x) => x.host === j.host && x.line === j.line && x.command === j.command);
        out.push({
          rule: this.id,
          severity: 'error',
          file: start?.file ?? s.file,
          line: j.line,
          host: j.host,
          message: `this socat ended after "${s.command}" (line ${s.line}): its tun's first packet (the kernel's IPv6 router solicitation) found nothing listening at the far end, socat exited, and its tun and routes went with it`,
          fix: 'start the socat on both nodes first, and bring the tuns up (and add the routes) only when both run',
        });
      }
    }
    return out;
  },
};
