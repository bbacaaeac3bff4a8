/**
 * `ip tuntap` (ip/iptuntap.c of iproute2 6.1.0): persistent tun/tap devices made through
 * /dev/net/tun ioctls, not rtnetlink — so its errors are `ioctl(TUNSETIFF): ...`, exit 1.
 */
import type { Netns } from '../../model/netns.js';
import { Argv, checkIfname, duparg2, exitWith, invarg, matches, notModelled } from '../args.js';
import { Gaps, donePlan, opsPlan, type IpPlan } from '../plan.js';
import type { CmdContext, IpGlobals } from '../types.js';
import { TUNTAP_USAGE } from '../usage.js';

interface TuntapArgs {
  name: string;
  mode: 'tun' | 'tap' | null;
  pi: boolean;
}

/** parse_args(). `withOwner` is true for `add`, which also takes `user` and `group`. */
function parseArgs(argv: string[], withOwner: boolean, gaps: Gaps): TuntapArgs {
  const out: TuntapArgs = { name: '', mode: null, pi: false };
  const a = new Argv(argv);
  while (a.more) {
    const arg = a.cur;
    if (matches(arg, 'mode')) {
      const v = a.next();
      if (matches(v, 'tun')) {
        if (out.mode === 'tap') exitWith('You managed to ask for more than one tunnel mode.\n', 255);
        out.mode = 'tun';
      } else if (matches(v, 'tap')) {
        if (out.mode === 'tun') exitWith('You managed to ask for more than one tunnel mode.\n', 255);
        out.mode = 'tap';
      } else {
        exitWith(`Unknown tunnel mode "${v}"\n`, 255);
      }
    } else if (withOwner && (matches(arg, 'user') || matches(arg, 'group'))) {
      const key = matches(arg, 'user') ? 'user' : 'group';
      const v = a.next();
      if (!/^[+-]?\d+$/.test(v) && v !== 'root') exitWith(`invalid ${key} "${v}"\n`, 255);
      gaps.add(`tuntap ${key}`);
    } else if (matches(arg, 'pi')) {
      out.pi = true;
    } else if (matches(arg, 'one_queue') || matches(arg, 'vnet_hdr') || matches(arg, 'multi_queue')) {
      gaps.add(`tuntap ${arg}`);
    } else if (matches(arg, 'dev')) {
      const v = a.next();
      if (!checkIfname(v)) invarg('"dev" not a valid ifname', v);
      out.name = v;
    } else {
      let v = arg;
      if (matches(v, 'name')) v = a.next();
      else if (matches(v, 'help')) exitWith(TUNTAP_USAGE, 255);
      if (out.name !== '') duparg2('name', v);
      if (!checkIfname(v)) invarg('"name" not a valid ifname', v);
      out.name = v;
    }
    a.step();
  }
  if (out.mode === null) exitWith('You failed to specify a tunnel mode\n', 1);
  return out;
}

/** The kernel's dev_alloc_name("tun%d"): the lowest free number. */
function allocName(ns: Netns, mode: 'tun' | 'tap'): string {
  for (let i = 0; ; i++) if (!ns.linkByName(`${mode}${i}`)) return `${mode}${i}`;
}

/** do_iptuntap(). */
export function parseTuntap(ctx: CmdContext, _g: IpGlobals, argv: string[]): IpPlan {
  if (argv.length === 0) notModelled('ip tuntap show');
  const [cmd, ...rest] = argv;
  const gaps = new Gaps();
  if (matches(cmd, 'add')) {
    const t = parseArgs(rest, true, gaps);
    if (gaps.any) notModelled(`ip tuntap add: ${gaps.text()}`);
    const name = t.name || allocName(ctx.ns, t.mode!);
    return opsPlan([{ op: 'tuntap.add', name, mode: t.mode!, pi: t.pi }], '', 1);
  }
  if (matches(cmd, 'delete')) {
    const t = parseArgs(rest, false, gaps);
    if (gaps.any) notModelled(`ip tuntap delete: ${gaps.text()}`);
    if (t.name === '') notModelled('ip tuntap delete without a name');
    return opsPlan([{ op: 'tuntap.del', name: t.name, mode: t.mode! }], '', 1);
  }
  if (matches(cmd, 'show') || matches(cmd, 'lst') || matches(cmd, 'list')) notModelled('ip tuntap show');
  if (matches(cmd, 'help')) exitWith(TUNTAP_USAGE, 255);
  return donePlan({ exit: 255, stdout: '', stderr: `Command "${cmd}" is unknown, try "ip tuntap help".\n` });
}
