/** A Geneve device: made inside its namespace with its index, MAC, id, remote, ttl and port; read back from info_data. */
import { ip4ToString, parseIp4 } from '../../../src/model/ip.js';
import { batchLine } from '../compile.js';
import type { KindAdapter } from './kind.js';

function geneveArgs(id: number, remote: number, ttl: number, dstport: number): string[] {
  return ['id', String(Math.trunc(id)), 'remote', ip4ToString(remote), 'ttl', ttl ? String(Math.trunc(ttl)) : 'auto', 'dstport', String(Math.trunc(dstport))];
}

export const geneveAdapter: KindAdapter = {
  made: 'inside',
  opArgs: (op) => (op.geneve ? geneveArgs(op.geneve.id ?? 0, op.geneve.remote ?? 0, op.geneve.ttl ?? 0, op.geneve.dstport ?? 6081) : []),
  insideLines: (l) =>
    l.geneve ? [batchLine(['link', 'add', l.name, 'index', String(l.ifindex), 'address', l.mac, 'type', 'geneve', ...geneveArgs(l.geneve.id, l.geneve.remote, l.geneve.ttl, l.geneve.dstport)])] : [],
  madeMtu: () => 1500,
  readsAs: (j) => j.info_kind === 'geneve',
  readBack(l, d) {
    l.geneve = { id: Number(d.id ?? 0), remote: typeof d.remote === 'string' ? (parseIp4(d.remote) ?? 0) : 0, ttl: Number(d.ttl ?? 0), dstport: Number(d.port ?? 6081) };
  },
};
