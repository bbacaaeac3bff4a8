/** ip/iplink_vlan.c: `type vlan` options (link/parse-vlan.ts) and vlan_print_opt. */
import type { Link, VlanFlags } from '../../../model/link.js';
import { parseVlanOpts } from '../parse-vlan.js';
import type { ShowCtx } from '../show-ctx.js';
import type { LinkUtil } from './util.js';

/** vlan_print_flags' order, with the names it prints. */
const FLAG_NAMES: ReadonlyArray<[keyof VlanFlags, string]> = [
  ['reorderHdr', 'REORDER_HDR'],
  ['gvrp', 'GVRP'],
  ['mvrp', 'MVRP'],
  ['looseBinding', 'LOOSE_BINDING'],
  ['bridgeBinding', 'BRIDGE_BINDING'],
];

/** vlan_print_opt: protocol, id and `<FLAGS>` (the `flags` array of -j). */
function vlanOpts(c: ShowCtx, l: Link): void {
  const p = c.p;
  const v = l.vlan;
  if (!v) return;
  p.any('protocol', `protocol ${v.proto} `, v.proto);
  p.any('id', `id ${v.id} `, v.id);
  const names = FLAG_NAMES.filter(([k]) => v.flags[k]).map(([, n]) => n);
  p.text('<');
  p.openArray('flags');
  for (const [i, n] of names.entries()) p.any(null, i < names.length - 1 ? `${n},` : n, n);
  p.closeArray();
  p.text('> ');
}

export const vlanUtil: LinkUtil = {
  type: 'vlan',
  lower: true,
  parseAdd(_ctx, args, op, gaps) {
    op.vlan = parseVlanOpts(args, gaps);
    return '';
  },
  parseSet(_ctx, args, op, _l, gaps) {
    op.vlan = parseVlanOpts(args, gaps);
  },
  parseDel(_ctx, args, gaps) {
    parseVlanOpts(args, gaps);
  },
  printOpt: vlanOpts,
};
