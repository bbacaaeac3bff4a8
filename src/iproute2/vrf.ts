/**
 * `ip vrf [show [NAME]]` (ip/ipvrf.c, iproute2 6.1.0): the VRF devices of the namespace with
 * their tables. `ip vrf exec`, `identify` and `pids` (cgroups and a BPF program) are not
 * modelled.
 */
import { exitWith, matches, notModelled } from './args.js';
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

export function parseVrf(ctx: CmdContext, g: IpGlobals, argv: string[]): IpPlan {
  const [cmd, ...rest] = argv;
  if (cmd === undefined || matches(cmd, 'show') || matches(cmd, 'list')) {
    if (rest.length > 1) notModelled('ip vrf show with more than a name');
    return showPlan(() => show(ctx, g, rest[0] ?? null));
  }
  if (matches(cmd, 'help')) return donePlan({ exit: 255, stdout: '', stderr: VRF_USAGE });
  if (matches(cmd, 'exec') || matches(cmd, 'identify') || matches(cmd, 'pids')) notModelled(`ip vrf ${cmd}`);
  return donePlan({ exit: 255, stdout: '', stderr: `Command "${cmd}" is unknown, try "ip vrf help".\n` });
}
