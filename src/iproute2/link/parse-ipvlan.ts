/**
 * `ip link add|set DEV type ipvlan [mode MODE] [FLAG]` (ip/iplink_ipvlan.c ipvlan_parse_opt,
 * iproute2 6.1.0): IFLA_IPVLAN_MODE when a mode is named, IFLA_IPVLAN_FLAGS only when a flag is;
 * a second flag is an unknown option.
 */
import type { IpvlanSpec } from '../../ops/op.js';
import { Argv, exitWith, matches } from '../args.js';

export const IPVLAN_USAGE = 'Usage: ... ipvlan [ mode MODE ] [ FLAGS ]\n\nMODE: l3 | l3s | l2\nFLAGS: bridge | private | vepa\n(first values are the defaults if nothing is specified).\n';

const MODES = ['l2', 'l3', 'l3s'] as const;
const FLAGS = ['private', 'vepa', 'bridge'] as const;

/** ipvlan_parse_opt(). */
export function parseIpvlanOpts(argv: string[]): IpvlanSpec {
  const spec: IpvlanSpec = { mode: null, flag: null };
  const a = new Argv(argv);
  while (a.more) {
    const arg = a.cur;
    const flag = spec.flag === null ? FLAGS.find((f) => matches(arg, f)) : undefined;
    if (matches(arg, 'mode')) {
      const v = a.next();
      if (!(MODES as readonly string[]).includes(v)) exitWith('Error: argument of "mode" must be either "l2", "l3" or "l3s"\n', 1);
      spec.mode = v as IpvlanSpec['mode'];
    } else if (flag) {
      spec.flag = flag;
    } else if (matches(arg, 'help')) {
      exitWith(IPVLAN_USAGE, 1);
    } else {
      exitWith(`ipvlan: unknown option "${arg}"?\n${IPVLAN_USAGE}`, 1);
    }
    a.step();
  }
  return spec;
}
