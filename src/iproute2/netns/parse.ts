/**
 * `ip netns` (ip/ipnetns.c of iproute2 6.1.0): add, delete, list/show. `exec` is peeled off
 * by the script layer before a command reaches here; other subcommands are not modelled.
 */
import type { Op } from '../../ops/op.js';
import { exitWith, matches, notModelled } from '../args.js';
import { donePlan, opsPlan, showPlan, type IpPlan } from '../plan.js';
import { renderNetnsList } from '../renderers.js';
import type { CmdContext, IpGlobals } from '../types.js';
import { NETNS_USAGE } from '../usage.js';

/** invalid_name(): empty, too long for a file name, '/', `.` or `..`. */
function invalidName(name: string): boolean {
  return name === '' || Buffer.byteLength(name) > 255 || name.includes('/') || name === '.' || name === '..';
}

/** do_netns(). */
export function parseNetns(ctx: CmdContext, g: IpGlobals, argv: string[]): IpPlan {
  if (argv.length === 0) return listPlan(ctx, g);
  if (!g.all && argv.length > 1 && invalidName(argv[1])) exitWith(`Invalid netns name "${argv[1]}"\n`, 255);
  const [cmd, ...rest] = argv;
  if (matches(cmd, 'list') || matches(cmd, 'show') || matches(cmd, 'lst')) return listPlan(ctx, g);
  if (matches(cmd, 'list-id')) notModelled('ip netns list-id');
  if (matches(cmd, 'help')) exitWith(NETNS_USAGE, 255);
  if (matches(cmd, 'add')) {
    if (rest.length < 1) exitWith('No netns name specified\n', 1);
    return opsPlan([{ op: 'netns.add', name: rest[0] }], '', 1);
  }
  if (matches(cmd, 'set')) notModelled('ip netns set');
  if (matches(cmd, 'delete')) {
    if (rest.length < 1 && !g.all) exitWith('No netns name specified\n', 1);
    if (g.all) {
      const ops: Op[] = [...ctx.ns.host.namespaces.keys()].map((name) => ({ op: 'netns.del', name }));
      return opsPlan(ops, '', 1);
    }
    return opsPlan([{ op: 'netns.del', name: rest[0] }], '', 1);
  }
  if (matches(cmd, 'identify') || matches(cmd, 'pids')) notModelled(`ip netns ${cmd}`);
  if (matches(cmd, 'exec')) {
    if (rest.length < 1 && !g.all) exitWith('No netns name specified\n', 1);
    if ((rest.length < 2 && !g.all) || (rest.length < 1 && g.all)) exitWith('No command specified\n', 1);
    if (!g.all && !ctx.ns.host.namespaces.has(rest[0])) {
      exitWith(`Cannot open network namespace "${rest[0]}": No such file or directory\n`, 255);
    }
    notModelled('ip netns exec');
  }
  if (matches(cmd, 'monitor') || matches(cmd, 'attach')) notModelled(`ip netns ${cmd}`);
  return donePlan({ exit: 255, stdout: '', stderr: `Command "${cmd}" is unknown, try "ip netns help".\n` });
}

function listPlan(ctx: CmdContext, g: IpGlobals): IpPlan {
  if (g.color) notModelled('colored output');
  return showPlan(() => renderNetnsList(ctx, g));
}
