/** An ifb device: made inside its namespace with its index and MAC; nothing of it to read back. */
import { batchLine } from '../compile.js';
import type { KindAdapter } from './kind.js';

export const ifbAdapter: KindAdapter = {
  made: 'inside',
  opArgs: () => [],
  insideLines: (l) => [batchLine(['link', 'add', l.name, 'index', String(l.ifindex), 'address', l.mac, 'type', 'ifb'])],
  madeMtu: () => 1500,
  readsAs: (j) => j.info_kind === 'ifb',
};
