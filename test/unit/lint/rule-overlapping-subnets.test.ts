import { describe, expect, it } from 'vitest';
import { overlappingSubnets } from '../../../src/lint/rule-overlapping-subnets.js';
import { runRule } from './run-rule.js';

describe('lint rule overlapping-subnets', () => {
  it('finds two interfaces of one namespace whose subnets overlap, at the second address', () => {
    const f = runRule(overlappingSubnets, 'ip link add b1 type bridge\nip link add b2 type bridge\nip addr add 10.0.0.1/16 dev b1\nip addr add 10.0.5.1/24 dev b2');
    expect(f.map((x) => [x.line, x.message])).toEqual([[4, 'host: b1 (10.0.0.1/16) and b2 (10.0.5.1/24) are in overlapping subnets; only one connected route can win']]);
  });

  it('says nothing for disjoint subnets', () => {
    expect(runRule(overlappingSubnets, 'ip link add b1 type bridge\nip link add b2 type bridge\nip addr add 10.0.0.1/24 dev b1\nip addr add 10.0.5.1/24 dev b2')).toEqual([]);
  });
});
