/** ip/link_veth.c: `peer` and the peer's own link options; veth prints no options. */
import type { LinkUtil } from './util.js';
import { parseVethPeer } from '../parse-veth.js';

export const vethUtil: LinkUtil = {
  type: 'veth',
  parseAdd(ctx, args, op, gaps) {
    op.peer = parseVethPeer(ctx, args, gaps);
    return '';
  },
  parseSet(ctx, args, _op, _l, gaps) {
    parseVethPeer(ctx, args, gaps);
    gaps.add('changing a veth device');
  },
  parseDel(ctx, args, gaps) {
    parseVethPeer(ctx, args, gaps);
  },
};
