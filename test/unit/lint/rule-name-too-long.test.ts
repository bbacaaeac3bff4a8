import { describe, expect, it } from 'vitest';
import { nameTooLong } from '../../../src/lint/rule-name-too-long.js';
import { runRule } from './run-rule.js';

describe('lint rule name-too-long', () => {
  it('finds the command the kernel refused for a 16-byte name', () => {
    const f = runRule(nameTooLong, 'ip link add br0 type bridge\nip link add abcdefghijklmnop type bridge');
    expect(f.map((x) => [x.rule, x.line])).toEqual([['name-too-long', 2]]);
  });

  it('says nothing for a 15-byte name', () => {
    expect(runRule(nameTooLong, 'ip link add abcdefghijklmno type bridge')).toEqual([]);
  });
});
