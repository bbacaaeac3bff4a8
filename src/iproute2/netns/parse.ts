/**
 * `ip netns` (ip/ipnetns.c of iproute2 6.1.0): add, delete, list/show, identify, pids. `exec` is
 * peeled off by the script layer before a command reaches here; other subcommands are not modelled.
 */
import type { Op } from '../../ops/op.js';
import { exitWith, getInteger, getU32, incomplete, invarg, matches, notModelled } from '../args.js';
import { donePlan, opsPlan, showPlan, type IpPlan } from '../plan.js';
import { renderNetnsList } from '../renderers.js';
import { renderNetnsListId } from './render.js';
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
  if (matches(cmd, 'list-id')) return listIdPlan(ctx, g, rest);
  if (matches(cmd, 'help')) exitWith(NETNS_USAGE, 255);
  if (matches(cmd, 'add')) {
    if (rest.length < 1) exitWith('No netns name specified\n', 1);
    return opsPlan([{ op: 'netns.add', name: rest[0] }], '', 1);
  }
  if (matches(cmd, 'set')) return setPlan(ctx, rest);
  if (matches(cmd, 'delete')) {
    if (rest.length < 1 && !g.all) exitWith('No netns name specified\n', 1);
    if (g.all) {
      const ops: Op[] = [...ctx.ns.host.namespaces.keys()].map((name) => ({ op: 'netns.del', name }));
      return opsPlan(ops, '', 1);
    }
    return opsPlan([{ op: 'netns.del', name: rest[0] }], '', 1);
  }
  if (matches(cmd, 'identify')) return identifyPlan(ctx, rest);
  if (matches(cmd, 'pids')) return pidsPlan(ctx, rest);
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

/**
 * `ip netns identify [PID]`: the names of the namespace ip itself runs in (no PID), one line;
 * an empty line in a namespace without a name. Another process's namespace is not modelled.
 */
function identifyPlan(ctx: CmdContext, rest: string[]): IpPlan {
  if (rest.length > 1) exitWith('extra arguments specified\n', 1);
  if (rest.length === 1) {
    if (!/^\d+$/.test(rest[0]!)) exitWith(`Specified string '${rest[0]}' is not a pid\n`, 1);
    notModelled('ip netns identify PID');
  }
  return donePlan({ exit: 0, stdout: `${ctx.ns.name ?? ''}\n`, stderr: '' });
}

/**
 * `ip netns pids NAME`: the processes in a namespace. nettwin answers only when there are none to
 * list: no background process of the lab runs there and ip is not run inside it (its own pid).
 */
function pidsPlan(ctx: CmdContext, rest: string[]): IpPlan {
  if (rest.length < 1) exitWith('No netns name specified\n', 1);
  if (rest.length > 1) exitWith('extra arguments specified\n', 1);
  const target = ctx.ns.host.namespaces.get(rest[0]!);
  if (!target) exitWith('Cannot open network namespace: No such file or directory\n', 1);
  if (target === ctx.ns || ctx.processesIn?.(target)) notModelled('ip netns pids of a namespace with processes');
  return donePlan({ exit: 0, stdout: '', stderr: '' });
}

/**
 * `ip netns set NAME NETNSID` (netns_set): `auto` or an integer of any base get_integer reads;
 * the kernel's answer comes from the op (apply-netns.ts).
 */
function setPlan(ctx: CmdContext, rest: string[]): IpPlan {
  if (rest.length < 1) exitWith('No netns name specified\n', 1);
  if (rest.length < 2) exitWith('No nsid specified\n', 1);
  const arg = rest[1]!;
  let nsid: number | null = null;
  if (arg !== 'auto') {
    const n = getInteger(arg, 0);
    if (n === null) invarg('Invalid "netnsid" value', arg);
    if (n < 0) invarg('"netnsid" value should be >= 0', arg);
    nsid = n;
  }
  if (!ctx.ns.host.namespaces.has(rest[0]!)) exitWith(`Cannot open network namespace "${rest[0]}": No such file or directory\n`, 1);
  return opsPlan([{ op: 'netns.setid', name: rest[0]!, nsid }]);
}

/** `ip netns list-id [nsid N]` (netns_list_id): the ids this namespace gave, the kernel's dump order. */
function listIdPlan(ctx: CmdContext, g: IpGlobals, rest: string[]): IpPlan {
  let only: number | null = null;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === 'target-nsid') notModelled('ip netns list-id target-nsid');
    if (a !== 'nsid') exitWith(NETNS_USAGE, 255);
    const v = rest[++i];
    if (v === undefined) incomplete();
    const n = getU32(v, 0);
    if (n === null) notModelled('ip netns list-id with an nsid that is not a number');
    only = n;
  }
  if (g.color) notModelled('colored output');
  // with an nsid the request is a GET, not a dump: an id not given is refused
  if (only !== null && ![...ctx.ns.nsids.values()].includes(only)) return donePlan({ exit: 2, stdout: '', stderr: 'Error: Peer netns reference is invalid.\n' });
  return showPlan(() => renderNetnsListId(ctx, g, only));
}
