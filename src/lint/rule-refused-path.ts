/**
 * Lines that name a file outside the kernel files a script may touch (src/model/kernel-path.ts):
 * `tee /proc/sys/net/ipv4/../../kernel/hostname`, `cat /etc/shadow`, `sysctl net.ipv4.//.//.x`.
 * Neither mode runs them; on a real machine they would read or write whatever the path leads to.
 */
import type { LintRule } from './rule.js';

const REFUSED = /^nettwin: unsupported: (path check refused .*)$/m;

export const refusedPath: LintRule = {
  id: 'refused-path',
  description: 'a line that names a file outside the kernel files a script may touch',
  check({ steps }) {
    return steps.flatMap((s) => {
      const m = s.supported ? null : REFUSED.exec(s.stderr);
      if (!m) return [];
      return [
        {
          rule: 'refused-path',
          severity: 'error' as const,
          file: s.file,
          line: s.line,
          host: s.host,
          message: `${m[1]}: nettwin runs this line in neither mode (the path check keeps scripts to the network's own kernel files)`,
          fix: 'name the sysctl by its own path (/proc/sys/net/ipv4/ip_forward, /proc/sys/net/ipv4/conf/IF/KEY) or use sysctl -w KEY=VALUE',
        },
      ];
    });
  },
};
