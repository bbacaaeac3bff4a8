/** An address iproute2 cannot parse (the seed's `172.16.1..2`): the command fails at once. */
import type { Finding, LintRule } from './rule.js';

const PATTERN = /Error: (?:any valid|inet) (?:prefix|address) is expected rather than "([^"]+)"/;

/** A likely intended address: doubled dots folded, a stray second prefix dropped. */
export function suggestAddress(bad: string): string | null {
  let s = bad.replace(/\.{2,}/g, '.');
  const parts = s.split('/');
  if (parts.length > 2) s = `${parts[0]}/${parts[parts.length - 1]}`;
  return s !== bad ? s : null;
}

export const badAddress: LintRule = {
  id: 'bad-address',
  description: 'an address or prefix that does not parse',
  check({ steps }) {
    const out: Finding[] = [];
    for (const s of steps) {
      const m = PATTERN.exec(s.stderr);
      if (!m) continue;
      const bad = m[1];
      const fix = suggestAddress(bad);
      const subnet = bad.split('/').length > 2;
      out.push({
        rule: this.id,
        severity: 'error',
        file: s.file,
        line: s.line,
        host: s.host,
        message: subnet ? `"${bad}" is a subnet where an address is expected (a prefix length was added to a value that already had one)` : `"${bad}" is not an IPv4 address`,
        fix: fix ? `write ${fix}` : 'check the variable that produced this value',
      });
    }
    return out;
  },
};
