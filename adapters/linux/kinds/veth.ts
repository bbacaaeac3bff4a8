/** A veth pair: `peer name …` with the peer's own options; both ends made by one line. */
import { checkInt, checkLinkName, checkMac, checkNetnsName } from '../compile.js';
import type { KindAdapter } from './kind.js';

export const vethAdapter: KindAdapter = {
  made: 'pair',
  opArgs(op) {
    const out: string[] = [];
    if (!op.peer) return out;
    out.push('peer');
    if (op.peer.name !== null) out.push('name', checkLinkName(op.peer.name));
    if (op.peer.netns !== null) out.push('netns', checkNetnsName(op.peer.netns));
    if (op.peer.mtu !== null) out.push('mtu', checkInt(op.peer.mtu, 'mtu'));
    if (op.peer.address !== null) out.push('address', checkMac(op.peer.address));
    return out;
  },
  madeMtu: () => 1500,
  readsAs: (j) => j.info_kind === 'veth',
};
