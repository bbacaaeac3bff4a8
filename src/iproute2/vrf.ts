/**
 * `ip vrf [show [NAME]]` (ip/ipvrf.c, iproute2 6.1.0): the VRF devices of the namespace with
 * their tables. `identify` and `pids` read the processes' VRF cgroups (cgroup2's `vrf/NAME`),
 * which only `ip vrf exec` fills: no process of the model is ever in one, so `identify` prints
 * nothing and `pids` of a VRF no process. `ip vrf exec` itself (a cgroup and a BPF program on
 * it) is not modelled: both modes refuse an `exec` in ip's words (src/exec/kernel-argv.ts).
 */
import { exitWith, invarg, matches, notModelled } from './args.js';
import { donePlan, showPlan, type IpPlan } from './plan.js';
import { Printer } from './print.js';
import type { CmdContext, CommandResult, IpGlobals } from './types.js';

const VRF_USAGE = 'Usage:\tip vrf show [NAME] ...\n\tip vrf exec [NAME] cmd ...\n\tip vrf identify [PID]\n\tip vrf pids [NAME]\n';

/** ipvrf_show: `%-16s %5u` under a `%-16s  %5s` header, or the one VRF named as `NAME TABLE`. */
function show(ctx: CmdContext, g: IpGlobals, name: string | null): CommandResult {
  const vrfs = ctx.ns.linkList().filter((l) => l.vrf);
  if (name !== null) {
    const l = vrfs.find((v) => v.name === name);
    if (!l) exitWith('Invalid VRF\n', 255);
    return { exit: 0, stdout: `${l.name} ${l.vrf!.table}\n`, stderr: '' };
  }
  const p = new Printer(g.json, g.pretty);
  p.startList();
  p.text(`${'Name'.padEnd(16)}  ${'Table'.padStart(5)}\n${'-'.repeat(23)}\n`);
  for (const l of vrfs) {
    p.openObject();
    p.any('name', l.name.padEnd(16), l.name);
    p.any('table', ` ${String(l.vrf!.table).padStart(5)}\n`, l.vrf!.table);
    p.closeObject();
  }
  if (!vrfs.length) p.text('No VRF has been configured\n');
  p.endList();
  return { exit: 0, stdout: p.output, stderr: '' };
}

/**
 * ipvrf_identify: the VRF of ip's own process (no argument) is none, so nothing is printed; the
 * processes a PID names are not modelled.
 */
function identify(args: string[]): IpPlan {
  if (args.length > 1) invarg('Extra arguments specified\n', args[1]!);
  if (args.length === 0) return donePlan({ exit: 0, stdout: '', stderr: '' });
  if (!/^\d+$/.test(args[0]!) || Number(args[0]) > 0xffffffff) invarg('Invalid pid\n', args[0]!);
  notModelled('ip vrf identify PID');
}

/** ipvrf_pids: one name, a VRF device's (name_is_vrf; its refusals exit 1), whose cgroup holds no process of the model. */
function pids(ctx: CmdContext, args: string[]): IpPlan {
  if (args.length !== 1) return donePlan({ exit: 1, stdout: '', stderr: 'Invalid arguments\n' });
  if (!ctx.ns.linkByName(args[0]!)?.vrf) return donePlan({ exit: 1, stdout: '', stderr: 'Invalid VRF name\n' });
  return donePlan({ exit: 0, stdout: '', stderr: '' });
}

export function parseVrf(ctx: CmdContext, g: IpGlobals, argv: string[]): IpPlan {
  const [cmd, ...rest] = argv;
  if (cmd === undefined || matches(cmd, 'show') || matches(cmd, 'list')) {
    if (rest.length > 1) notModelled('ip vrf show with more than a name');
    return showPlan(() => show(ctx, g, rest[0] ?? null));
  }
  if (matches(cmd, 'identify')) return identify(rest);
  if (matches(cmd, 'pids')) return pids(ctx, rest);
  if (matches(cmd, 'help')) return donePlan({ exit: 255, stdout: '', stderr: VRF_USAGE });
  if (matches(cmd, 'exec')) notModelled(`ip vrf ${cmd}`);
  return donePlan({ exit: 255, stdout: '', stderr: `Command "${cmd}" is unknown, try "ip vrf help".\n` });
}
