import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noReturnRoute } from '../../../src/lint/rule-no-return-route.js';
import { runRule } from './run-rule.js';

// A — R — B, A routes to B's network through R; B's route back is the variable part.
const lab = (back: boolean, extra: string[] = []) =>
  [
    'ip netns add A',
    'ip netns add R',
    'ip netns add B',
    'ip link add a0 netns A type veth peer name ra netns R',
    'ip link add b0 netns B type veth peer name rb netns R',
    'ip -n A addr add 10.0.1.2/24 dev a0',
    'ip -n R addr add 10.0.1.1/24 dev ra',
    'ip -n R addr add 10.0.2.1/24 dev rb',
    'ip -n B addr add 10.0.2.2/24 dev b0',
    'ip -n A link set a0 up',
    'ip -n B link set b0 up',
    'ip -n R link set ra up',
    'ip -n R link set rb up',
    'ip -n A route add 10.0.2.0/24 via 10.0.1.1',
    'ip netns exec R sysctl -w net.ipv4.ip_forward=1',
    ...(back ? ['ip -n B route add default via 10.0.2.1'] : []),
    ...extra,
  ].join('\n');

describe('lint rule no-return-route', () => {
  it('a route towards a namespace that has none back, nothing depending on it: a warning where the fix goes, with a gateway', () => {
    const f = runRule(noReturnRoute, lab(false));
    expect(f.map((x) => [x.severity, x.line, x.message, x.fix])).toEqual([
      ['warning', 11, "host/B has no route to 10.0.1.0/24; needed by host/A's route to 10.0.2.2", 'ip -n B route add 10.0.1.0/24 via 10.0.2.1'],
    ]);
  });

  it('says nothing when the far side routes back', () => {
    expect(runRule(noReturnRoute, lab(true))).toEqual([]);
  });

  it('a ping that needs it makes it an error (the reply has no way back)', () => {
    const f = runRule(noReturnRoute, lab(false, ['ip netns exec A ping -c 1 -W 1 10.0.2.2']));
    expect(f.map((x) => [x.severity, x.line, x.message])).toEqual([['error', 11, 'host/B has no route to 10.0.1.0/24; needed by the ping at t.sh:16 (host/A -> 10.0.2.2, its reply)']]);
  });

  it('every missing route at once, one finding per namespace and cause', () => {
    const f = runRule(
      noReturnRoute,
      [
        'ip netns add A',
        'ip netns add B',
        'ip netns add C',
        'ip link add a0 netns A type veth peer name b0 netns B',
        'ip link add a1 netns A type veth peer name c0 netns C',
        'ip -n A addr add 10.0.1.1/24 dev a0',
        'ip -n A addr add 10.0.2.1/24 dev a1',
        'ip -n B addr add 10.0.1.2/24 dev b0',
        'ip -n C addr add 10.0.2.2/24 dev c0',
        'ip -n A link set a0 up',
        'ip -n A link set a1 up',
        'ip -n B link set b0 up',
        'ip -n C link set c0 up',
        'ip netns exec A sysctl -w net.ipv4.ip_forward=1',
        'ip netns exec B ping -c 1 -W 1 10.0.2.2',
        'ip netns exec C ping -c 1 -W 1 10.0.1.2',
      ].join('\n'),
    );
    expect(f.map((x) => [x.severity, x.line, x.message, x.fix])).toEqual([
      ['error', 12, 'host/B has no route to 10.0.2.0/24; needed by the ping at t.sh:15 (host/B -> 10.0.2.2)', 'ip -n B route add 10.0.2.0/24 via 10.0.1.1'],
      ['error', 13, 'host/C has no route to 10.0.1.0/24; needed by the ping at t.sh:16 (host/C -> 10.0.1.2)', 'ip -n C route add 10.0.1.0/24 via 10.0.2.1'],
    ]);
  });

  it('names the cause: a router link never set up (the fix: set it up, after the line that addressed it)', () => {
    const text = readFileSync(join(import.meta.dirname, '../../cases/forwarding/router-link-down.sh'), 'utf8');
    // the case sets the link up at the end: lint the script as it was before that
    const before = text.slice(0, text.indexOf('ip -n r link set r-s up'));
    expect(runRule(noReturnRoute, before).map((x) => [x.severity, x.line, x.message, x.fix])).toEqual([
      [
        'error',
        14,
        'host/r has no route to 10.2.0.0/24: r-s is down: the connected route 10.2.0.0/24 of its address 10.2.0.1/24 is there only while it is up; needed by the ping at t.sh:22 (host/c -> 10.2.0.2)',
        'ip -n r link set r-s up',
      ],
    ]);
  });

  it('names the cause: a route refused, an address deleted, a link moved away', () => {
    const refused = runRule(noReturnRoute, lab(true, ['ip -n A route del 10.0.2.0/24', 'ip -n A route add 10.0.2.0/24 via 10.0.9.1', 'ip netns exec A ping -c 1 -W 1 10.0.2.2']));
    expect(refused.map((x) => [x.line, x.message, x.fix])).toEqual([
      [
        18,
        'host/A has no route to 10.0.2.0/24: its route "ip -n A route add 10.0.2.0/24 via 10.0.9.1" (line 18) was refused: Error: Nexthop has invalid gateway.; needed by the ping at t.sh:19 (host/A -> 10.0.2.2)',
        'correct the route on line 18',
      ],
    ]);
    const deleted = runRule(noReturnRoute, lab(true, ['ip -n R addr del 10.0.2.1/24 dev rb', 'ip netns exec A ping -c 1 -W 1 10.0.2.2']));
    expect(deleted.map((x) => [x.line, x.message])).toEqual([
      [17, 'host/R has no route to 10.0.2.0/24: its connected route 10.0.2.0/24 went with 10.0.2.1/24 on rb, deleted on line 17; needed by the ping at t.sh:18 (host/A -> 10.0.2.2)'],
    ]);
    const moved = runRule(noReturnRoute, lab(true, ['ip netns add X', 'ip -n R link set rb netns X', 'ip netns exec A ping -c 1 -W 1 10.0.2.2']));
    expect(moved.map((x) => [x.line, x.message])).toEqual([
      [
        18,
        'host/R has no route to 10.0.2.0/24: its connected route 10.0.2.0/24 went with rb, moved to namespace X on line 18 (a moved link loses its addresses); needed by the ping at t.sh:19 (host/A -> 10.0.2.2)',
      ],
    ]);
  });
});
