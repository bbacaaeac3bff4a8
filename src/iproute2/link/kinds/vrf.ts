/** ip/iplink_vrf.c: `type vrf table ID` and vrf_print_opt / vrf_slave_print_opt, as iproute2 6.1.0 prints them. */
import type { Link } from '../../../model/link.js';
import { Argv, exitWith, invarg, matches } from '../../args.js';
import { rttableA2n } from '../../names.js';
import type { ShowCtx } from '../show-ctx.js';
import type { LinkUtil } from './util.js';

export const VRF_USAGE = 'Usage: ... vrf table TABLEID\n';

/** vrf_parse_opt: the table, by number or by name (rtnl_rttable_a2n). */
function parseVrfOpts(argv: string[]): { table: number | null } {
  let table: number | null = null;
  const a = new Argv(argv);
  while (a.more) {
    const arg = a.cur;
    if (matches(arg, 'table')) {
      const v = a.next();
      const t = rttableA2n(v);
      if (t === null) invarg('invalid table ID\n', v);
      table = t;
    } else if (matches(arg, 'help')) {
      exitWith(VRF_USAGE, 1);
    } else {
      exitWith(`vrf: unknown option "${arg}"?\n${VRF_USAGE}`, 1);
    }
    a.step();
  }
  return { table };
}

function tableOpt(c: ShowCtx, table: number): void {
  c.p.any('table', `table ${table} `, table);
}

export const vrfUtil: LinkUtil = {
  type: 'vrf',
  parseAdd(_ctx, args, op) {
    op.vrf = parseVrfOpts(args);
    return '';
  },
  parseDel(_ctx, args) {
    parseVrfOpts(args);
  },
  printOpt(c, l: Link) {
    if (l.vrf) tableOpt(c, l.vrf.table);
  },
  printSlaveOpt(c, l: Link) {
    if (l.master?.vrf) tableOpt(c, l.master.vrf.table);
  },
};
