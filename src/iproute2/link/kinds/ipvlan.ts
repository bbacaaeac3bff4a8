/** ip/iplink_ipvlan.c: `type ipvlan` options (link/parse-ipvlan.ts) and ipvlan_print_opt. */
import type { Link } from '../../../model/link.js';
import { parseIpvlanOpts } from '../parse-ipvlan.js';
import type { ShowCtx } from '../show-ctx.js';
import type { LinkUtil } from './util.js';

/** ipvlan_print_opt: the port's mode, then its flag (bridge when neither private nor vepa). */
function ipvlanOpts(c: ShowCtx, l: Link): void {
  const port = l.ipvlan!.lower.ipvlanPort!;
  c.p.any('mode', ` mode ${port.mode} `, port.mode);
  c.p.any(port.flag, `${port.flag} `, true);
}

export const ipvlanUtil: LinkUtil = {
  type: 'ipvlan',
  lower: true,
  parseAdd(_ctx, args, op) {
    op.ipvlan = parseIpvlanOpts(args);
    return '';
  },
  parseSet(_ctx, args, op) {
    op.ipvlan = parseIpvlanOpts(args);
  },
  parseDel(_ctx, args) {
    parseIpvlanOpts(args);
  },
  printOpt: ipvlanOpts,
};
