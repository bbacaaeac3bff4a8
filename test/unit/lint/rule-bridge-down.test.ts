import { describe, expect, it } from 'vitest';
import { bridgeDown } from '../../../src/lint/rule-bridge-down.js';
import { runRule } from './run-rule.js';

describe('lint rule bridge-down', () => {
  it('finds a bridge never brought up, at the line that created it', () => {
    const f = runRule(bridgeDown, 'ip link add br0 type bridge\nip link add v0 type veth peer name v1\nip link set v0 master br0');
    expect(f.map((x) => [x.line, x.message, x.fix])).toEqual([[1, 'host: bridge br0 is down: nothing crosses it', 'ip link set br0 up']]);
  });

  it('says nothing once the bridge is up', () => {
    expect(runRule(bridgeDown, 'ip link add br0 type bridge\nip link set br0 up')).toEqual([]);
  });
});
