/**
 * `bridge vlan` of iproute2 6.1.0 (bridge/vlan.c do_vlan, vlan_modify): `add|del vid N[-M]
 * dev DEV [pvid] [untagged] [self] [master]`, and `show` (vlan-show.ts). The VLAN ids go
 * through atoi into a short, as vlan_modify reads them; words it does not know are skipped.
 */
import type { BridgeVlanOp } from '../../ops/op.js';
import { Argv, exitWith, llNameToIndex, matches, notModelled } from '../args.js';
import { donePlan, opsPlan, type IpPlan } from '../plan.js';
import type { CmdContext } from '../types.js';
import type { BridgeGlobals } from '../bridge.js';
import { VLAN_USAGE } from './vlan-usage.js';
import { vlanShow } from './vlan-show.js';

/** C's atoi: optional blanks and sign, then digits (0 when there are none). */
export function atoi(s: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(s);
  if (!m) return 0;
  return Number(BigInt.asIntN(32, BigInt(m[1]!)));
}

/** An int stored into a C short. */
const toShort = (n: number): number => Number(BigInt.asIntN(16, BigInt(n)));
/** A short printed with %hu. */
const hu = (n: number): number => n & 0xffff;

/** vlan_modify(). */
function vlanModify(ctx: CmdContext, argv: string[], mode: BridgeVlanOp['mode']): IpPlan {
  let dev: string | null = null;
  let vid = -1;
  let vidEnd = -1;
  let range = false;
  const op: BridgeVlanOp = { op: 'bridge.vlan', mode, dev: '', vid: 0, vidEnd: null, pvid: false, untagged: false, self: false, master: false };
  const a = new Argv(argv);
  while (a.more) {
    const arg = a.cur;
    if (arg === 'dev') {
      dev = a.next();
    } else if (arg === 'vid') {
      const v = a.next();
      const dash = v.indexOf('-');
      if (dash >= 0) {
        vid = toShort(atoi(v.slice(0, dash)));
        vidEnd = toShort(atoi(v.slice(dash + 1)));
        range = true;
      } else {
        vid = toShort(atoi(v));
      }
    } else if (arg === 'self') {
      op.self = true;
    } else if (arg === 'master') {
      op.master = true;
    } else if (arg === 'pvid') {
      op.pvid = true;
    } else if (arg === 'untagged') {
      op.untagged = true;
    } else if (arg === 'tunnel_info') {
      notModelled('bridge vlan tunnel_info');
    } else if (matches(arg, 'help')) {
      a.next();
    }
    a.step();
  }
  if (dev === null || vid === -1) exitWith('Device and VLAN ID are required arguments.\n', 255);
  const l = llNameToIndex(ctx.ns, dev);
  if (!l) exitWith(`Cannot find bridge device "${dev}"\n`, 255);
  if (vid >= 4096) exitWith(`Invalid VLAN ID "${hu(vid)}"\n`, 255);
  if (range) {
    if (vidEnd === -1 || vidEnd >= 4096 || vid >= vidEnd) exitWith(`Invalid VLAN range "${hu(vid)}-${hu(vidEnd)}"\n`, 255);
    if (op.pvid) exitWith('pvid cannot be configured for a vlan range\n', 255);
  }
  op.dev = l.name;
  op.vid = hu(vid);
  op.vidEnd = range ? hu(vidEnd) : null;
  return opsPlan([op], '', 255);
}

/** do_vlan(). */
export function doVlan(ctx: CmdContext, g: BridgeGlobals, argv: string[]): IpPlan {
  if (argv.length === 0) return vlanShow(ctx, g, []);
  const [cmd, ...rest] = argv as [string, ...string[]];
  if (matches(cmd, 'add')) return vlanModify(ctx, rest, 'add');
  if (matches(cmd, 'delete')) return vlanModify(ctx, rest, 'del');
  if (matches(cmd, 'show') || matches(cmd, 'lst') || matches(cmd, 'list')) return vlanShow(ctx, g, rest);
  if (matches(cmd, 'tunnelshow')) notModelled('bridge vlan tunnelshow');
  if (matches(cmd, 'set')) notModelled('bridge vlan set');
  if (cmd === 'global') notModelled('bridge vlan global');
  if (matches(cmd, 'help')) exitWith(VLAN_USAGE, 255);
  return donePlan({ exit: 255, stdout: '', stderr: `Command "${cmd}" is unknown, try "bridge vlan help".\n` });
}
