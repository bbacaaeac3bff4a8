/** veth_parse_opt() of ip/link_veth.c: `peer` and the peer's own link options (iplink_parse again). */
import type { LinkAddOp } from '../../ops/op.js';
import { duparg, exitWith } from '../args.js';
import type { Gaps } from '../plan.js';
import type { CmdContext } from '../types.js';
import { VETH_USAGE } from '../usage.js';
import { iplinkParse, lladdr } from './iplink-parse.js';

/** veth_parse_opt(): `peer` and the peer's own link options. */
export function parseVethPeer(ctx: CmdContext, args: string[], gaps: Gaps): LinkAddOp['peer'] {
  if (args[0] !== 'peer') exitWith('', 1, VETH_USAGE);
  const peerArgs = args.slice(1);
  const req = iplinkParse(ctx, peerArgs, true, gaps);
  if (req.type !== null) duparg('type', req.type);
  if (req.up !== null) gaps.add('veth peer up/down');
  if (req.master !== null) gaps.add('veth peer master');
  if (req.txqlen !== null) gaps.add('veth peer txqueuelen');
  if (req.lowerDev !== null) gaps.add('veth peer link');
  return { name: req.name, netns: req.netns, mtu: req.mtu, address: lladdr(req.address) };
}
