/** A bond: made inside its namespace with its index, MAC, mode and MII monitor; read back from info_data. */
import { batchLine } from '../compile.js';
import type { KindAdapter } from './kind.js';

/** The words after `type bond` for the model's settings. */
function bondArgs(mode: string | null, miimon: number | null): string[] {
  const out: string[] = [];
  if (mode === 'balance-rr' || mode === 'active-backup') out.push('mode', mode);
  if (miimon !== null) out.push('miimon', String(Math.trunc(miimon)));
  return out;
}

export const bondAdapter: KindAdapter = {
  made: 'inside',
  opArgs: (op) => (op.bond ? bondArgs(op.bond.mode, op.bond.miimon) : []),
  insideLines: (l) => [batchLine(['link', 'add', l.name, 'index', String(l.ifindex), 'address', l.mac, 'type', 'bond', ...bondArgs(l.bond?.mode ?? null, l.bond?.miimon ?? null)])],
  madeMtu: () => 1500,
  readsAs: (j) => j.info_kind === 'bond',
  readBack(l, d) {
    const mode = d.mode === 'active-backup' ? 'active-backup' : 'balance-rr';
    l.bond = { mode, miimon: Number(d.miimon ?? 0), updelay: Number(d.updelay ?? 0), downdelay: Number(d.downdelay ?? 0), slaves: [], active: null, rrNext: 0, macSet: true, featuresComputed: false };
  },
};
