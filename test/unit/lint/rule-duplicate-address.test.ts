import { describe, expect, it } from 'vitest';
import { duplicateAddress } from '../../../src/lint/rule-duplicate-address.js';
import { runRule } from './run-rule.js';

const pair = (a: string, b: string) => `ip netns add A\nip netns add B\nip link add va netns A type veth peer name vb netns B\nip -n A addr add ${a} dev va\nip -n B addr add ${b} dev vb`;

describe('lint rule duplicate-address', () => {
  it('finds one address on both ends of a veth pair', () => {
    const f = runRule(duplicateAddress, pair('10.0.0.1/24', '10.0.0.1/24'));
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('error');
    expect(f[0].message).toContain('10.0.0.1 is on ');
    expect(f[0].message).toContain('in one L2 segment');
  });

  it('says nothing for two addresses, or one address on two separate segments', () => {
    expect(runRule(duplicateAddress, pair('10.0.0.1/24', '10.0.0.2/24'))).toEqual([]);
    const apart = 'ip netns add A\nip netns add B\nip -n A link add x type bridge\nip -n B link add x type bridge\nip -n A addr add 10.0.0.1/24 dev x\nip -n B addr add 10.0.0.1/24 dev x';
    expect(runRule(duplicateAddress, apart)).toEqual([]);
  });
});
