import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loDown } from '../../../src/lint/rule-lo-down.js';
import { runRule } from './run-rule.js';

const pair = [
  'ip netns add A',
  'ip netns add B',
  'ip link add va netns A type veth peer name vb netns B',
  'ip -n A addr add 10.0.0.1/24 dev va',
  'ip -n B addr add 10.0.0.2/24 dev vb',
  'ip -n A link set va up',
  'ip -n B link set vb up',
];

describe('lint rule lo-down', () => {
  it('a new namespace pinging itself: lo starts down (pointing at the line that made it)', () => {
    const f = runRule(loDown, [...pair, 'ip netns exec A ping -c 1 -W 1 10.0.0.1', 'ip netns exec A ping -c 1 -W 1 127.0.0.1'].join('\n'));
    expect(f.map((x) => [x.severity, x.line, x.message, x.fix])).toEqual([
      [
        'error',
        1,
        'host/A pings itself with lo down: a namespace made by ip netns add starts with lo down (line 1) and nothing set it up, so its own addresses and 127.0.0.0/8 do not answer it; the ping at t.sh:8 (10.0.0.1), the ping at t.sh:9 (127.0.0.1)',
        'ip -n A link set lo up',
      ],
    ]);
  });

  it('lo set down (the kernel-comparison case): pointing at that line', () => {
    const f = runRule(loDown, readFileSync(join(import.meta.dirname, '../../cases/forwarding/lo-down.sh'), 'utf8'));
    expect(f.map((x) => [x.line, x.fix])).toEqual([[21, 'ip -n A link set lo up']]);
  });

  it('says nothing when another namespace pings it (that works with lo down), or when lo is up', () => {
    expect(runRule(loDown, [...pair, 'ip netns exec B ping -c 1 -W 1 10.0.0.1'].join('\n'))).toEqual([]);
    expect(runRule(loDown, [...pair, 'ip -n A link set lo up', 'ip netns exec A ping -c 1 -W 1 10.0.0.1'].join('\n'))).toEqual([]);
  });
});
