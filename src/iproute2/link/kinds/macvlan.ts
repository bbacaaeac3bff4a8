/** ip/iplink_macvlan.c: `type macvlan` options (link/parse-macvlan.ts) and macvlan_print_opt. */
import type { Link } from '../../../model/link.js';
import { parseMacvlanOpts } from '../parse-macvlan.js';
import type { ShowCtx } from '../show-ctx.js';
import type { LinkUtil } from './util.js';

/** The length of the broadcast queue (bc_queue_len_used): the default, as nothing sets another. */
const BC_QUEUE_LEN = 1000;

/** macvlan_print_opt. */
function macvlanOpts(c: ShowCtx, l: Link): void {
  const p = c.p;
  const mode = l.macvlan!.mode;
  p.any('mode', `mode ${mode} `, mode);
  p.any('bcqueuelen', `bcqueuelen ${BC_QUEUE_LEN} `, BC_QUEUE_LEN);
  p.any('usedbcqueuelen', `usedbcqueuelen ${BC_QUEUE_LEN} `, BC_QUEUE_LEN);
}

export const macvlanUtil: LinkUtil = {
  type: 'macvlan',
  lower: true,
  parseAdd(_ctx, args, op, gaps) {
    op.macvlan = parseMacvlanOpts(args, gaps);
    return '';
  },
  parseSet(_ctx, args, op, _l, gaps) {
    op.macvlan = parseMacvlanOpts(args, gaps);
  },
  parseDel(_ctx, args, gaps) {
    parseMacvlanOpts(args, gaps);
  },
  printOpt: macvlanOpts,
};
