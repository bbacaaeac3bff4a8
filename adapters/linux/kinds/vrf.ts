/** A VRF: made inside its namespace with its index, MAC and table; its table read back from info_data. */
import { batchLine } from '../compile.js';
import type { KindAdapter } from './kind.js';

export const vrfAdapter: KindAdapter = {
  made: 'inside',
  opArgs: (op) => (op.vrf?.table != null ? ['table', String(Math.trunc(op.vrf.table))] : []),
  insideLines: (l) => (l.vrf ? [batchLine(['link', 'add', l.name, 'index', String(l.ifindex), 'address', l.mac, 'type', 'vrf', 'table', String(Math.trunc(l.vrf.table))])] : []),
  madeMtu: () => 65575,
  readsAs: (j) => j.info_kind === 'vrf',
  readBack(l, d) {
    if (typeof d.table === 'number') l.vrf = { table: d.table };
  },
};
