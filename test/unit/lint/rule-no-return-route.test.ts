import { describe, expect, it } from 'vitest';
import { noReturnRoute } from '../../../src/lint/rule-no-return-route.js';
import { runRule } from './run-rule.js';

// A — R — B, A routes to B's network through R; B's route back is the variable part.
const lab = (back: boolean) =>
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
    ...(back ? ['ip -n B route add default via 10.0.2.1'] : []),
  ].join('\n');

describe('lint rule no-return-route', () => {
  it('finds a route towards a namespace that has none back', () => {
    const f = runRule(noReturnRoute, lab(false));
    expect(f.map((x) => [x.line, x.message])).toEqual([[14, 'host/A has a route to 10.0.2.2 (host/B), but host/B has no route back to 10.0.1.2']]);
  });

  it('says nothing when the far side routes back', () => {
    expect(runRule(noReturnRoute, lab(true))).toEqual([]);
  });
});
