/**
 * `brctl` of bridge-utils 1.7.1 as Debian 12 ships it (/usr/sbin/brctl, which prints its
 * version as `bridge-utils, 1.7`). Messages and output were checked against that binary in a
 * sandbox whose /sys is the sandbox's own sysfs, as real mode mounts it: brctl lists bridges
 * and ports with scandir(…, alphasort) there, so both come sorted by name (C locale), and
 * reads the bridge id from sysfs. brctl talks to the kernel through the bridge ioctls
 * (SIOCBRADDBR, SIOCBRADDIF, ...), so its errors are errno values it words itself, and it
 * exits 1 for all.
 *
 * Modelled: addbr, delbr, addif, delif, show, stp. The timer, priority and cost settings,
 * showmacs, showstp and hairpin are reported as not modelled.
 */
import { KINDS } from '../model/kinds/index.js';
import { apply } from '../ops/apply.js';
import { OpError } from '../ops/errors.js';
import type { Link } from '../model/link.js';
import { bridgePorts } from '../model/link.js';
import type { Op } from '../ops/op.js';
import { checkIfname, llNameToIndex } from './args.js';
import { bridgeIdMac } from './link/details.js';
import { tunablesOf } from '../model/bridge-options.js';
import { unsupported, type CmdContext, type CommandResult } from './types.js';

/** brctl_cmd.c commands[]: name, required arguments, help text. */
const COMMANDS: Array<[name: string, nargs: number, help: string]> = [
  ['addbr', 1, '<bridge>\t\tadd bridge'],
  ['delbr', 1, '<bridge>\t\tdelete bridge'],
  ['addif', 2, '<bridge> <device>\tadd interface to bridge'],
  ['delif', 2, '<bridge> <device>\tdelete interface from bridge'],
  ['hairpin', 3, '<bridge> <port> {on|off}\tturn hairpin on/off'],
  ['setageing', 2, '<bridge> <time>\t\tset ageing time'],
  ['setbridgeprio', 2, '<bridge> <prio>\t\tset bridge priority'],
  ['setfd', 2, '<bridge> <time>\t\tset bridge forward delay'],
  ['sethello', 2, '<bridge> <time>\t\tset hello time'],
  ['setmaxage', 2, '<bridge> <time>\t\tset max message age'],
  ['setpathcost', 3, '<bridge> <port> <cost>\tset path cost'],
  ['setportprio', 3, '<bridge> <port> <prio>\tset port priority'],
  ['show', 0, '[ <bridge> ]\t\tshow a list of bridges'],
  ['showmacs', 1, '<bridge>\t\tshow a list of mac addrs'],
  ['showstp', 1, '<bridge>\t\tshow bridge stp info'],
  ['stp', 2, '<bridge> {on|off}\tturn stp on/off'],
];

/** help(): printed on stdout. */
const HELP = `Usage: brctl [commands]\ncommands:\n${COMMANDS.map(([name, , help]) => `\t${name.padEnd(10)}\t${help}\n`).join('')}`;

const STRERROR: Record<string, string> = {
  EINVAL: 'Invalid argument',
  EOPNOTSUPP: 'Operation not supported',
  EPERM: 'Operation not permitted',
  ENODEV: 'No such device',
};

function fail(stderr: string, stdout = ''): CommandResult {
  return { exit: 1, stdout, stderr };
}

function run(ctx: CmdContext, op: Op): OpError | null {
  try {
    apply(ctx, op);
    return null;
  } catch (e) {
    if (e instanceof OpError) return e;
    throw e;
  }
}

/** br_add_bridge (SIOCBRADDBR): the kernel reads at most IFNAMSIZ-1 bytes of the name. */
function addbr(ctx: CmdContext, name: string): CommandResult {
  if (name.includes('%')) return unsupported('brctl addbr with a name template');
  const kname = Buffer.from(name).subarray(0, 15).toString();
  // dev_get_valid_name: the name is checked before it is looked up
  if (!checkIfname(kname) || kname === '.' || kname === '..' || kname.includes(':')) return fail(`add bridge failed: ${STRERROR.EINVAL}\n`);
  if (ctx.ns.linkByName(kname)) return fail(`device ${name} already exists; can't create bridge with the same name\n`);
  const e = run(ctx, {
    op: 'link.add',
    name: kname,
    kind: 'bridge',
    netns: null,
    mtu: null,
    address: null,
    up: false,
    master: null,
    txqlen: null,
    peer: null,
    vxlan: null,
    bridge: null,
  });
  return e ? fail(`add bridge failed: ${e.stderr.trim()}\n`) : { exit: 0, stdout: '', stderr: '' };
}

/** br_del_bridge (SIOCBRDELBR). */
function delbr(ctx: CmdContext, name: string): CommandResult {
  const l = ctx.ns.linkByName(Buffer.from(name).subarray(0, 15).toString());
  if (!l) return fail(`bridge ${name} doesn't exist; can't delete it\n`);
  if (l.kind !== 'bridge') return fail(`can't delete bridge ${name}: ${STRERROR.EPERM}\n`);
  if (l.up) return fail(`bridge ${name} is still up; can't delete it\n`);
  const e = run(ctx, { op: 'link.del', dev: l.name, kind: null });
  return e ? fail(`can't delete bridge ${name}: ${e.stderr.trim()}\n`) : { exit: 0, stdout: '', stderr: '' };
}

/** br_add_if's refusals as errno names, or null. */
function addifErrno(dev: Link): string | null {
  // not ethernet-like, or without a valid MAC (a bridge whose last port left)
  const refusal = KINDS[dev.kind].portRefusal;
  if (refusal === 'EINVAL' || /^(00:){5}00$/.test(dev.mac)) return 'EINVAL';
  if (refusal === 'bridge') return 'ELOOP';
  if (dev.master) return 'EBUSY';
  return null;
}

/** br_cmd_addif / br_cmd_delif: each interface in turn, stopping at the first failure. */
function changeIfs(ctx: CmdContext, brname: string, ifnames: string[], add: boolean): CommandResult {
  for (const ifname of ifnames) {
    const dev = ctx.ns.linkByName(ifname);
    if (!dev) return fail(`interface ${ifname} does not exist!\n`);
    const br = ctx.ns.linkByName(brname);
    if (!br) return fail(`bridge ${brname} does not exist!\n`);
    if (br.kind !== 'bridge') {
      return fail(add ? `can't add ${ifname} to bridge ${brname}: ${STRERROR.EOPNOTSUPP}\n` : `can't delete ${ifname} from ${brname}: ${STRERROR.EOPNOTSUPP}\n`);
    }
    if (add) {
      const errno = addifErrno(dev);
      if (errno === 'EBUSY') return fail(`device ${ifname} is already a member of a bridge; can't add it to bridge ${brname}.\n`);
      if (errno === 'ELOOP') return fail(`device ${ifname} is a bridge device itself; can't add a bridge device to a bridge device.\n`);
      if (errno) return fail(`can't add ${ifname} to bridge ${brname}: ${STRERROR[errno]}\n`);
    } else if (dev.master !== br) {
      return fail(`device ${ifname} is not a port of ${brname}\n`);
    }
    const e = run(ctx, {
      op: 'link.set',
      dev: dev.name,
      up: null,
      mtu: null,
      address: null,
      name: null,
      master: add ? br.name : '',
      netns: null,
      txqlen: null,
      bridge: null,
    });
    if (e) return fail(`can't ${add ? 'add' : 'delete'} ${ifname} ${add ? 'to bridge' : 'from'} ${brname}: ${e.stderr.trim()}\n`);
  }
  return { exit: 0, stdout: '', stderr: '' };
}

/** br_cmd_stp: `on`, `yes`, `1` / `off`, `no`, `0`; written to the bridge's stp_state. */
function stp(ctx: CmdContext, brname: string, value: string): CommandResult {
  let on: boolean;
  if (value === 'on' || value === 'yes' || value === '1') on = true;
  else if (value === 'off' || value === 'no' || value === '0') on = false;
  else return fail('expect on/off for argument\n');
  const br = llNameToIndex(ctx.ns, brname);
  if (!br) return fail(`set stp status failed: ${STRERROR.ENODEV}\n`);
  if (br.kind !== 'bridge') return fail(`set stp status failed: ${STRERROR.EOPNOTSUPP}\n`);
  const e = run(ctx, {
    op: 'link.set',
    dev: br.name,
    up: null,
    mtu: null,
    address: null,
    name: null,
    master: null,
    netns: null,
    txqlen: null,
    bridge: { stp: on ? 1 : 0, ageingTime: null, vlanFiltering: null, forwardDelay: null },
  });
  return e ? fail(`set stp status failed: ${e.stderr.trim()}\n`) : { exit: 0, stdout: '', stderr: '' };
}

const SHOW_HEADER = 'bridge name\tbridge id\t\tSTP enabled\tinterfaces\n';

/** One bridge of `brctl show`: name, bridge id (priority in hex, then its MAC), STP, ports by name. */
function showBridge(br: Link): string {
  const id = `${tunablesOf(br.bridge!).priority.toString(16).padStart(4, '0')}.${bridgeIdMac(br).replace(/:/g, '')}`;
  const ports = bridgePorts(br)
    .map((p) => p.name)
    .sort(cmpBytes);
  return `${br.name}\t\t${id}\t${br.bridge!.stp ? 'yes' : 'no'}\t\t${ports.join('\n\t\t\t\t\t\t\t')}\n`;
}

/** alphasort in the C locale: byte order. */
function cmpBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/**
 * br_cmd_show: the header comes with the first bridge printed (none, no header); a name that
 * is not a bridge is reported and skipped, and makes the exit status 1.
 */
function show(ctx: CmdContext, names: string[]): CommandResult {
  let stdout = '';
  let stderr = '';
  const print = (br: Link) => {
    if (stdout === '') stdout = SHOW_HEADER;
    stdout += showBridge(br);
  };
  if (names.length === 0) {
    const bridges = ctx.ns.linkList().filter((l) => l.kind === 'bridge');
    for (const br of bridges.sort((x, y) => cmpBytes(x.name, y.name))) print(br);
    return { exit: 0, stdout, stderr };
  }
  for (const n of names) {
    const br = ctx.ns.linkByName(n);
    if (!br) stderr += `bridge ${n} does not exist!\n`;
    else if (br.kind !== 'bridge') stderr += `device ${n} is not a bridge!\n`;
    else print(br);
  }
  return { exit: stderr ? 1 : 0, stdout, stderr };
}

/**
 * getopt_long(argc, argv, "Vh", {help, version}) with GNU argument permutation: options may
 * stand anywhere before `--`. Returns the remaining words, or the result when an option ends it.
 */
function options(argv: string[]): string[] | CommandResult {
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      rest.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const name = a.slice(2).split('=')[0];
      const hits = ['help', 'version'].filter((o) => o.startsWith(name) && name !== '');
      if (hits.length !== 1) {
        const why = hits.length > 1 ? `option '${a}' is ambiguous; possibilities: '--help' '--version'` : `unrecognized option '${a}'`;
        return { exit: 1, stdout: HELP, stderr: `brctl: ${why}\nUnknown option '?'\n` };
      }
      if (hits[0] === 'help') return { exit: 0, stdout: HELP, stderr: '' };
      return { exit: 0, stdout: 'bridge-utils, 1.7\n', stderr: '' };
    }
    if (a.startsWith('-') && a.length > 1) {
      for (const ch of a.slice(1)) {
        if (ch === 'h') return { exit: 0, stdout: HELP, stderr: '' };
        if (ch === 'V') return { exit: 0, stdout: 'bridge-utils, 1.7\n', stderr: '' };
        return { exit: 1, stdout: HELP, stderr: `brctl: invalid option -- '${ch}'\nUnknown option '?'\n` };
      }
    }
    rest.push(a);
  }
  return rest;
}

/**
 * Runs `brctl ARGV...` against the model. Never throws.
 *
 * @example
 * runBrctl(ctx, ['addbr', 'br0']); // { exit: 0, stdout: '', stderr: '' }
 */
export function runBrctl(ctx: CmdContext, argv: string[]): CommandResult {
  try {
    const words = options(argv);
    if (!Array.isArray(words)) return words;
    if (words.length === 0) return { exit: 1, stdout: HELP, stderr: '' };
    const cmd = COMMANDS.find(([name]) => name === words[0]);
    if (!cmd) return { exit: 1, stdout: HELP, stderr: `never heard of command [${words[0]}]\n` };
    const [name, nargs, help] = cmd;
    if (words.length < nargs + 1) {
      return { exit: 1, stdout: `Incorrect number of arguments for command\nUsage: brctl ${name} ${help}\n`, stderr: '' };
    }
    switch (name) {
      case 'addbr':
        return addbr(ctx, words[1]);
      case 'delbr':
        return delbr(ctx, words[1]);
      case 'addif':
        return changeIfs(ctx, words[1], words.slice(2), true);
      case 'delif':
        return changeIfs(ctx, words[1], words.slice(2), false);
      case 'stp':
        return stp(ctx, words[1], words[2]);
      case 'show':
        return show(ctx, words.slice(1));
      default:
        return unsupported(`brctl ${name}`);
    }
  } catch (e) {
    return unsupported(`internal error: ${e instanceof Error ? e.message : String(e)}`);
  }
}
