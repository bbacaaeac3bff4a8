import { describe, expect, it } from 'vitest';
import { linkLocalGateway } from '../../../src/lint/rule-link-local-gateway.js';
import { runRule } from './run-rule.js';

const pair = ['ip netns add A', 'ip link add va netns A type veth peer name vb', 'ip -n A link set va up', 'ip link set vb up'];

describe('lint rule link-local-gateway', () => {
  it('a route via fe80::… without dev is refused: an error naming the device to add', () => {
    const f = runRule(linkLocalGateway, [...pair, 'ip -n A -6 route add default via fe80::1', 'ip -n A -6 route add 2001:db8:9::/64 via inet6 fe80::1'].join('\n'));
    expect(f.map((x) => [x.severity, x.line, x.fix])).toEqual([
      ['error', 5, 'add the link the router is on: … via fe80::1 dev va'],
      ['error', 6, 'add the link the router is on: … via fe80::1 dev va'],
    ]);
    expect(f[0]!.message).toContain('Egress device not specified');
  });

  it('names the choices when the namespace has several links; says nothing with dev, or for a global gateway', () => {
    const two = [...pair, 'ip link add vc netns A type veth peer name vd', 'ip -n A -6 route add default via fe80::1'];
    expect(runRule(linkLocalGateway, two.join('\n'))[0]!.fix).toBe('add the link the router is on: … via fe80::1 dev DEV (DEV one of va, vc)');
    expect(runRule(linkLocalGateway, [...pair, 'ip -n A -6 route add default via fe80::1 dev va'].join('\n'))).toEqual([]);
    expect(runRule(linkLocalGateway, [...pair, 'ip -n A -6 route add default via 2001:db8::1'].join('\n'))).toEqual([]);
  });
});
