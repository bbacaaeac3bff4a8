/**
 * iproute2's `struct link_util` (ip/iplink_*.c) for one link kind of the model: the parser of
 * `ip link add|set|delete … type KIND OPTIONS` and the printer of its `-d` details (the
 * `info_data` of `-j`). kinds/index.ts holds one per LinkKind.
 */
import type { Link } from '../../../model/link.js';
import type { LinkAddOp, LinkSetOp } from '../../../ops/op.js';
import type { Gaps } from '../../plan.js';
import type { CmdContext } from '../../types.js';
import type { ShowCtx } from '../show-ctx.js';

export interface LinkUtil {
  /** the word after `type` that makes this kind with `ip link add` (null: it is made otherwise) */
  type: string | null;
  /** the kind sits on a lower device named by `link DEV` (IFLA_LINK) */
  lower?: boolean;
  /** parse_opt of `ip link add … type KIND ARGS`: fills the kind's part of `op`; returns a warning printed before the request */
  parseAdd?(ctx: CmdContext, args: string[], op: LinkAddOp, gaps: Gaps): string;
  /** the kind's part of `op` when `ip link add … type KIND` has no options */
  addDefaults?(op: LinkAddOp, ctx: CmdContext, gaps: Gaps): void;
  /** parse_opt of `ip link set DEV type KIND ARGS`; `l` is the device named, of whatever kind */
  parseSet?(ctx: CmdContext, args: string[], op: LinkSetOp, l: Link, gaps: Gaps): void;
  /** parse_opt when `ip link delete … type KIND ARGS` names options: only their errors matter */
  parseDel?(ctx: CmdContext, args: string[], gaps: Gaps): void;
  /** print_opt: the kind's line of `ip -d link` (the `info_data` object of `-j`) */
  printOpt?(c: ShowCtx, l: Link): void;
  /** the slave kind's print_opt of a port of a device of this kind (`bridge_slave …`) */
  printSlaveOpt?(c: ShowCtx, l: Link): void;
}
