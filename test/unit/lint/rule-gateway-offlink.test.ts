/**
 * The kernel's refusals this rule reads are compared live in test/cases/ipv6/route-add-errors.sh
 * (IPv6: "No route to host" for a gateway neither link-local nor on-link) and the seed (IPv4).
 */
import { describe, expect, it } from 'vitest';
import { gatewayOfflink } from '../../../src/lint/rule-gateway-offlink.js';
import { runRule } from './run-rule.js';

const SETUP = 'ip netns add A\nip link add va netns A type veth peer name vb\nip -n A link set va up\nip -n A addr add 2001:db8::1/64 dev va nodad\n';

describe('lint rule gateway-not-onlink, IPv6', () => {
  it('finds a global gateway outside every prefix of the device, and one with no device named', () => {
    const f = runRule(gatewayOfflink, `${SETUP}ip -n A -6 route add 2001:db8:6::/64 via 2001:db8:9::1 dev va\nip -n A -6 route add 2001:db8:2::/64 via 2001:db8:9::1\n`);
    expect(f.map((x) => [x.line, x.message])).toEqual([
      [5, 'gateway 2001:db8:9::1 is not on-link from va (va holds 2001:db8::1/64; 2001:db8:9::1 is outside)'],
      [6, 'gateway 2001:db8:9::1 is not on-link (no device named: the kernel looks for a route to it, and a gateway must be on-link or link-local)'],
    ]);
    expect(f[0]!.fix).toMatch(/via fe80::… dev DEV/);
  });

  it('says nothing of a gateway inside a prefix of the device, a link-local with its device, or onlink', () => {
    const f = runRule(
      gatewayOfflink,
      `${SETUP}ip -n A -6 route add 2001:db8:7::/64 via 2001:db8::9 dev va\nip -n A -6 route add default via fe80::1 dev va\nip -n A -6 route add 2001:db8:8::/64 via 2001:db8:9::1 dev va onlink\n`,
    );
    expect(f).toEqual([]);
  });
});
