/** A bridge: made in its host's root with the options that differ from the kernel's defaults, read back from IFLA_BR_*. */
import type { BridgeSpec } from '../../../src/ops/op.js';
import { checkInt } from '../compile.js';
import type { KindAdapter } from './kind.js';

/** iproute2's `type bridge` options for a spec (those the kernel keeps as the model does). */
export function bridgeArgs(b: BridgeSpec): string[] {
  const out: string[] = [];
  if (b.stp !== null) out.push('stp_state', checkInt(b.stp, 'stp_state'));
  if (b.ageingTime !== null) out.push('ageing_time', checkInt(b.ageingTime, 'ageing_time'));
  if (b.forwardDelay !== null) out.push('forward_delay', checkInt(b.forwardDelay, 'forward_delay'));
  if (b.vlanFiltering !== null) out.push('vlan_filtering', checkInt(b.vlanFiltering, 'vlan_filtering'));
  return out;
}

export const bridgeAdapter: KindAdapter = {
  made: 'beside',
  opArgs: (op) => (op.bridge ? bridgeArgs(op.bridge) : []),
  madeMtu: () => 1500,
  readsAs: (j) => j.info_kind === 'bridge',
  readBack(l, d) {
    Object.assign(l.bridge!, {
      stp: Number(d.stp_state ?? 0),
      ageingTime: Number(d.ageing_time ?? 30000),
      vlanFiltering: Number(d.vlan_filtering ?? 0),
      forwardDelay: Number(d.forward_delay ?? 1500),
      hadPorts: false,
      macSet: false,
    });
  },
};
