/**
 * `ip link add|set DEV type macvlan OPTIONS` (ip/iplink_macvlan.c macvlan_parse_opt, iproute2
 * 6.1.0): `mode` with its own refusal; `nopromisc` only with passthru. The mode `source`, the
 * flags, `macaddr` and `bcqueuelen` are read with iproute2's checks and then reported as not
 * modelled.
 */
import type { MacvlanSpec } from '../../ops/op.js';
import { Argv, exitWith, getU32, matches } from '../args.js';
import type { Gaps } from '../plan.js';
import { MACVLAN_USAGE } from '../usage.js';

const MODES = ['private', 'vepa', 'bridge', 'passthru', 'source'] as const;

/** macvlan_parse_opt(): the spec and what of it the model does not keep. */
export function parseMacvlanOpts(argv: string[], gaps: Gaps): MacvlanSpec {
  let mode: (typeof MODES)[number] | null = null;
  let nopromisc = false;
  const a = new Argv(argv);
  while (a.more) {
    const arg = a.cur;
    if (matches(arg, 'mode')) {
      const v = a.next();
      if (!(MODES as readonly string[]).includes(v)) {
        exitWith(`Error: argument of "mode" must be "private", "vepa", "bridge", "passthru" or "source", not "${v}"\n`, 1);
      }
      mode = v as (typeof MODES)[number];
    } else if (matches(arg, 'nopromisc')) {
      nopromisc = true;
      gaps.add('macvlan flag nopromisc');
    } else if (matches(arg, 'nodst')) {
      gaps.add('macvlan flag nodst');
    } else if (matches(arg, 'macaddr')) {
      a.next();
      gaps.add('macvlan macaddr');
    } else if (matches(arg, 'bcqueuelen')) {
      const v = a.next();
      if (getU32(v) === null) exitWith(`Error: argument of "bcqueuelen" must be a positive integer [0-4294967295], not "${v}"\n`, 1);
      gaps.add('macvlan bcqueuelen');
    } else if (matches(arg, 'help')) {
      exitWith(MACVLAN_USAGE, 1);
    } else {
      exitWith(`macvlan: unknown option "${arg}"?\n${MACVLAN_USAGE}`, 1);
    }
    a.step();
  }
  if (nopromisc && mode !== 'passthru') exitWith(`macvlan: nopromisc flag only valid in passthru mode\n${MACVLAN_USAGE}`, 1);
  if (mode === 'source') gaps.add('macvlan mode source');
  return { mode: mode === 'source' ? null : mode };
}
