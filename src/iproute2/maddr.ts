/**
 * `ip maddress show [dev NAME]` (ip/ipmaddr.c, iproute2 6.1.0): the multicast addresses of each
 * device as the kernel's three proc files list them, merged per ifindex in the order ip reads
 * them — /proc/net/dev_mcast (the hardware list, `link`), /proc/net/igmp (IPv4's groups,
 * `inet`), /proc/net/igmp6 (IPv6's, `inet6`). Measured on 6.18:
 *
 * - `link`: dev->mc (hw-mc-list.ts); a device without a hardware address (lo, a tun) has none;
 * - `inet`: in_dev->mc_list, newest first: 224.0.0.1 while the device is up (ip_mc_up joins it,
 *   ip_mc_down leaves it), after the 224.0.0.106 a snooping bridge joins as it opens;
 * - `inet6`: idev->mc_list, newest first: the solicited-node group of each address (joined when
 *   the address is added, even on a device that is down; not on lo or a NOARP device; one entry
 *   with `users N` for N addresses sharing it), ff02::6a of a snooping bridge that is up, then
 *   ff02::1 and ff01::1, which ipv6_add_dev joins at registration.
 *
 * Any word other than `dev` is the device's name too, and a name no device has lists nothing.
 * Not modelled: `-j` and `-o`, `add`/`del` (SIOCADDMULTI's static entries), IPv6 forwarding's
 * all-routers groups, devices with IPv6 disabled or an MTU under 1280, sockets' memberships.
 */
import { hwMcList } from '../model/hw-mc-list.js';
import { IP6_ALL_NODES, formatIp6, ip6MulticastMac, solicitedNode, type Ip6 } from '../model/ipv6/ip6.js';
import type { Link } from '../model/link.js';
import { duparg2, exitWith, matches, notModelled } from './args.js';
import { donePlan, showPlan, type IpPlan } from './plan.js';
import type { CmdContext, CommandResult, IpGlobals } from './types.js';

const MADDR_USAGE = 'Usage: ip maddr [ add | del ] MULTIADDR dev STRING\n       ip maddr show [ dev STRING ]\n';

/** ff01::1, the interface-local all-nodes group ipv6_add_dev joins before ff02::1 */
const IP6_IFACE_ALL_NODES: Ip6 = (0xff01n << 112n) | 1n;
/** ff02::6a, all-snoopers: joined by a bridge with multicast snooping as it opens */
const IP6_ALL_SNOOPERS: Ip6 = (0xff02n << 112n) | 0x6an;

interface Entry {
  text: string;
  users: number;
}

const snoops = (l: Link): boolean => l.kind === 'bridge' && l.up && (l.bridge!.opts?.mcast_snooping ?? 1) !== 0;

/** What the model cannot list for a device, or null. */
function gap(l: Link): string | null {
  if (l.inet6.conf.disable_ipv6 || l.mtu < 1280) return 'ip maddr of a device without IPv6';
  if (l.inet6.conf.forwarding) return "ip maddr of a device forwarding IPv6 (all-routers' groups)";
  return null;
}

/** /proc/net/dev_mcast's lines of the device: its hardware list, each address with one user. */
function linkEntries(l: Link): Entry[] {
  if (l.kind === 'loopback' || l.kind === 'tun' || l.noarp) return [];
  return hwMcList(l).map((mac) => ({ text: `link  ${mac}`, users: 1 }));
}

/** /proc/net/igmp's groups of the device, newest first. */
function inetEntries(l: Link): Entry[] {
  if (!l.up) return [];
  const out = [{ text: 'inet  224.0.0.1', users: 1 }];
  if (snoops(l)) out.push({ text: 'inet  224.0.0.106', users: 1 });
  return out;
}

/**
 * /proc/net/igmp6's groups of the device, newest first: each solicited-node group as its first
 * address joined it (the address's joinSeq), ff02::6a where the bridge opened (its place in
 * the hardware list, which keeps the order of joins), then the two all-nodes groups.
 */
function inet6Entries(l: Link): Entry[] {
  const groups = new Map<Ip6, { users: number; seq: number }>();
  if (l.kind !== 'loopback' && !l.noarp) {
    for (const a of l.inet6.addrs) {
      const g = solicitedNode(a.addr);
      const e = groups.get(g);
      if (e) {
        e.users++;
        e.seq = Math.min(e.seq, a.joinSeq ?? 0);
      } else groups.set(g, { users: 1, seq: a.joinSeq ?? 0 });
    }
  }
  const joined = [...groups.entries()].sort((a, b) => b[1].seq - a[1].seq);
  const out: Entry[] = joined.map(([g, e]) => ({ text: `inet6 ${formatIp6(g)}`, users: e.users }));
  if (snoops(l)) {
    const hw = hwMcList(l);
    const at = hw.indexOf(ip6MulticastMac(IP6_ALL_SNOOPERS));
    const newer = joined.filter(([g]) => hw.indexOf(ip6MulticastMac(g)) > at).length;
    out.splice(newer, 0, { text: `inet6 ${formatIp6(IP6_ALL_SNOOPERS)}`, users: 1 });
  }
  out.push({ text: `inet6 ${formatIp6(IP6_ALL_NODES)}`, users: 1 }, { text: `inet6 ${formatIp6(IP6_IFACE_ALL_NODES)}`, users: 1 });
  return out;
}

/** multiaddr_list: every device's entries in ifindex order, each under its `N:\tNAME` line. */
function list(ctx: CmdContext, g: IpGlobals, dev: string | null): CommandResult {
  const links = ctx.ns
    .linkList()
    .filter((l) => dev === null || l.name === dev)
    .sort((a, b) => a.ifindex - b.ifindex);
  for (const l of links) {
    const why = gap(l);
    if (why) notModelled(why);
  }
  let out = '';
  for (const l of links) {
    const entries = [
      ...(g.family === null || g.family === 'link' ? linkEntries(l) : []),
      ...(g.family === null || g.family === 'inet' ? inetEntries(l) : []),
      ...(g.family === null || g.family === 'inet6' ? inet6Entries(l) : []),
    ];
    if (entries.length === 0) continue;
    out += `${l.ifindex}:\t${l.name}\n`;
    for (const e of entries) out += `\t${e.text}${e.users !== 1 ? ` users ${e.users}` : ''}\n`;
  }
  return { exit: 0, stdout: out, stderr: '' };
}

/**
 * The plan of `ip maddress ARGV`.
 *
 * @example
 * parseMaddr(ctx, g, ['show', 'dev', 'lo']); // a show plan listing lo's groups
 */
export function parseMaddr(ctx: CmdContext, g: IpGlobals, argv: string[]): IpPlan {
  if (g.json) notModelled('ip -j maddr');
  if (g.oneline) notModelled('ip -o maddr');
  const [cmd, ...rest] = argv;
  if (cmd !== undefined && (matches(cmd, 'add') || matches(cmd, 'delete'))) notModelled(`ip maddr ${cmd}`);
  if (cmd !== undefined && !(matches(cmd, 'list') || matches(cmd, 'show') || matches(cmd, 'lst'))) {
    if (matches(cmd, 'help')) exitWith(MADDR_USAGE, 255);
    return donePlan({ exit: 255, stdout: '', stderr: `Command "${cmd}" is unknown, try "ip maddr help".\n` });
  }
  let dev: string | null = null;
  for (let i = 0; i < rest.length; i++) {
    let w = rest[i]!;
    if (w === 'dev') {
      w = rest[++i] ?? exitWith('Command line is not complete. Try option "help"\n', 255);
    } else if (matches(w, 'help')) exitWith(MADDR_USAGE, 255);
    if (dev !== null) duparg2('dev', w);
    dev = w;
  }
  if (g.family !== null && g.family !== 'inet' && g.family !== 'inet6' && g.family !== 'link') notModelled(`ip -f ${g.family} maddr`);
  return showPlan(() => list(ctx, g, dev));
}
