/**
 * An interface name the kernel refused (over IFNAMSIZ-1 = 15 bytes, or holding "/" or a
 * blank): iproute2's own message ("not a valid ifname", or the netlink policy error) does not
 * say which limit was hit, so the finding does.
 */
import type { LintRule } from './rule.js';

export const nameTooLong: LintRule = {
  id: 'name-too-long',
  description: 'an interface name over 15 bytes',
  check({ steps }) {
    return steps
      .filter((s) => s.stderr.includes('Attribute failed policy validation') || /not a valid ifname/.test(s.stderr))
      .map((s) => ({
        rule: 'name-too-long',
        severity: 'error' as const,
        file: s.file,
        line: s.line,
        host: s.host,
        message: 'an interface name is longer than 15 bytes (or holds "/" or a blank)',
        fix: 'use a name of at most 15 characters',
      }));
  },
};
