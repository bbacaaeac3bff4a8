/**
 * `ip link add|set DEV type vlan OPTIONS` (ip/iplink_vlan.c vlan_parse_opt, iproute2 6.1.0):
 * `protocol`, `id` and the flags; the QoS maps are read and reported as not modelled.
 */
import type { VlanSpec } from '../../ops/op.js';
import { Argv, exitWith, getU16, invarg, matches } from '../args.js';
import type { Gaps } from '../plan.js';
import { VLAN_USAGE } from '../usage.js';

/** The flags' keywords, each with its VLAN_FLAG_* as the model names it. */
const FLAGS = [
  ['reorder_hdr', 'reorderHdr'],
  ['gvrp', 'gvrp'],
  ['mvrp', 'mvrp'],
  ['loose_binding', 'looseBinding'],
  ['bridge_binding', 'bridgeBinding'],
] as const;

/** ll_proto_a2n for the two tag protocols (names match without regard to case). */
function tagProto(v: string): VlanSpec['proto'] | 'other' | null {
  const lower = v.toLowerCase();
  if (lower === '802.1q') return '802.1Q';
  if (lower === '802.1ad') return '802.1ad';
  // another protocol name or number: the kernel refuses it (vlan_validate), not modelled here
  return /^(0x[0-9a-f]+|[0-9]+|ip|ipv6|arp)$/i.test(v) ? 'other' : null;
}

/** vlan_parse_opt(): the spec and what of it the model does not keep. */
export function parseVlanOpts(argv: string[], gaps: Gaps): VlanSpec {
  const out: VlanSpec = { id: null, proto: null, flags: {} };
  const a = new Argv(argv);
  while (a.more) {
    const arg = a.cur;
    const flag = FLAGS.find(([word]) => matches(arg, word));
    if (matches(arg, 'protocol')) {
      const v = a.next();
      const p = tagProto(v);
      if (p === null) invarg('protocol is invalid', v);
      if (p === 'other') gaps.add(`vlan protocol ${v}`);
      else out.proto = p;
    } else if (matches(arg, 'id')) {
      const v = a.next();
      const id = getU16(v);
      if (id === null) invarg('id is invalid', v);
      out.id = id;
    } else if (flag) {
      const v = a.next();
      if (v !== 'on' && v !== 'off') exitWith(`Error: argument of "${flag[0]}" must be "on" or "off", not "${v}"\n`, 1);
      out.flags[flag[1]] = v === 'on';
    } else if (matches(arg, 'ingress-qos-map') || matches(arg, 'egress-qos-map')) {
      gaps.add(`vlan ${arg}`);
      return out;
    } else if (matches(arg, 'help')) {
      exitWith(VLAN_USAGE, 1);
    } else {
      exitWith(`vlan: unknown command "${arg}"?\n${VLAN_USAGE}`, 1);
    }
    a.step();
  }
  return out;
}
