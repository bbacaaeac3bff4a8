import { describe, expect, it } from 'vitest';
import { linkLocalScope } from '../../../src/lint/rule-link-local-scope.js';
import { runRule } from './run-rule.js';

const pair = [
  'ip netns add A',
  'ip netns add B',
  'ip link add va netns A type veth peer name vb netns B',
  'ip -n A link set va address 02:00:00:00:00:0a',
  'ip -n B link set vb address 02:00:00:00:00:0b',
  'ip -n A link set va up',
  'ip -n B link set vb up',
];

describe('lint rule link-local-scope', () => {
  it('a ping to fe80::… on the second link without %dev or -I gets no reply: an error naming the links', () => {
    const third = ['ip netns add C', 'ip link add vc netns A type veth peer name vd netns C', 'ip -n C link set vd address 02:00:00:00:00:0d', 'ip -n A link set vc up', 'ip -n C link set vd up'];
    const script = [...pair, ...third, 'ip netns exec A ping -6 -c 1 -W 1 fe80::ff:fe00:d', 'ip netns exec A ping -6 -c 1 -W 1 fe80::ff:fe00:d%vc'];
    const f = runRule(linkLocalScope, script.join('\n'));
    expect(f.map((x) => [x.severity, x.line, x.message, x.fix])).toEqual([
      [
        'error',
        13,
        'fe80::ff:fe00:d is a link-local address and this ping names no interface: every link has fe80::/64, so the kernel sends it out of the first link its lookup finds, which did not reach it',
        'name the link the address is on: ping -6 fe80::ff:fe00:d%DEV (or -I DEV), DEV one of va, vc',
      ],
    ]);
  });

  it('says nothing with %dev or -I (they get their reply), or for a global address', () => {
    const ok = [...pair, 'ip netns exec A ping -6 -c 1 fe80::ff:fe00:b%va', 'ip netns exec A ping -6 -c 1 -I va fe80::ff:fe00:b', 'ip netns exec A ping6 -c1 -Iva fe80::ff:fe00:b'];
    expect(runRule(linkLocalScope, ok.join('\n'))).toEqual([]);
    expect(runRule(linkLocalScope, [...pair, 'ip netns exec A ping -6 -c 1 -W 1 2001:db8::9'].join('\n'))).toEqual([]);
  });
});
