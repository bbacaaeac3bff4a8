/**
 * A bridge port's own settings: `ip link set DEV type bridge_slave OPTIONS`
 * (ip/iplink_bridge_slave.c) and `bridge link set dev DEV OPTIONS` (bridge/link.c), iproute2
 * 6.1.0. The model keeps `hairpin`; any other option is read and reported as not modelled.
 */
import type { BridgePortSpec } from '../../ops/op.js';
import { Argv, exitWith, matches } from '../args.js';
import type { Gaps } from '../plan.js';

/** parse_on_off(): `on`/`off` or their abbreviations; anything else is refused with `exit`. */
function onOff(key: string, v: string, exit: number): boolean {
  if (matches(v, 'on')) return true;
  if (matches(v, 'off')) return false;
  exitWith(`Error: argument of "${key}" must be one of "off", "on", not "${v}"\n`, exit);
}

/**
 * The port settings of `args`. `exit` is the status a bad on/off value ends with: 1 for
 * `ip link`, 234 for `bridge link set` (its -EINVAL, as a byte).
 */
export function parseBridgePortOpts(args: string[], gaps: Gaps, exit: number): BridgePortSpec {
  const out: BridgePortSpec = { hairpin: null };
  const a = new Argv(args);
  while (a.more) {
    const arg = a.cur;
    if (arg === 'hairpin') out.hairpin = onOff('hairpin', a.next(), exit);
    else {
      gaps.add(`bridge port option ${arg}`);
      return out;
    }
    a.step();
  }
  return out;
}
