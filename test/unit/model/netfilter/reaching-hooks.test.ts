/**
 * reachingHooks walks the jumps from every base chain: a loop is refused as the kernel refuses
 * it (ELOOP at the rule that closes it), and a chain reached by many paths is explored once per
 * new hook — kube-proxy's rulesets share chains between thousands of paths.
 */
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../../src/lab.js';

describe('reachingHooks', () => {
  it('finds a loop closed through a chain already explored from another base chain', () => {
    const steps = new Lab()
      .host('h')
      .sh(
        [
          'iptables -N A',
          'iptables -N B',
          'iptables -N C',
          'iptables -A INPUT -j A',
          'iptables -A OUTPUT -j A',
          'iptables -A A -j B',
          'iptables -A A -j C',
          'iptables -A B -j C',
          'iptables -A C -j A',
          'iptables -A C -j ACCEPT',
        ].join('\n'),
      );
    expect(steps.map((s) => s.exit)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 4, 0]);
    expect(steps[8]!.stderr).toContain('Too many levels of symbolic links');
  });

  it('accepts a deep diamond of shared chains (each path doubles; every chain is walked once)', () => {
    const depth = 40;
    const lines = ['iptables -N L0A', 'iptables -N L0B', 'iptables -A INPUT -j L0A', 'iptables -A INPUT -j L0B'];
    for (let i = 1; i <= depth; i++) lines.push(`iptables -N L${i}A`, `iptables -N L${i}B`);
    for (let i = 0; i < depth; i++) for (const s of ['A', 'B']) lines.push(`iptables -A L${i}${s} -j L${i + 1}A`, `iptables -A L${i}${s} -j L${i + 1}B`);
    lines.push(`iptables -A L${depth}A -j REJECT`);
    const steps = new Lab().host('h').sh(lines.join('\n'));
    expect(steps.filter((s) => s.exit !== 0)).toEqual([]);
  });
});
