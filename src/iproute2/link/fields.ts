/**
 * The fields of a link as `ip link show` / `ip addr show` print them (ip/ipaddress.c
 * print_linkinfo, print_linkinfo_brief, lib/utils.c print_name_and_link). Each field is
 * described once, as iproute2's `print_*(PRINT_ANY, key, fmt, value)` does: the same call
 * writes the text (`mtu 1500 `) or the JSON member (`"mtu":1500`), so text, `-br`, `-o`, `-d`
 * and `-j` cannot drift apart. Formats, spacing and the order of calls are iproute2 6.1's.
 */
import type { Netns } from '../../model/netns.js';
import { IFF, type IfInfo } from './ifinfo.js';
import { printDetails } from './details.js';
import { printLinkStats } from './stats.js';
import { indexName, padRight, printNl, type ShowCtx } from './show-ctx.js';

// the context is shared with link/details.ts; callers of the field printers keep finding it here
export { printNl, type ShowCtx } from './show-ctx.js';

/** Link selectors print_linkinfo applies itself (the kernel may have applied some already). */
export interface LinkPrintFilter {
  up: boolean;
  /** ifindex of `master X`, 0 for none */
  master: number;
  kind: string | null;
  slaveKind: string | null;
  /** a `label` filter is set: the link line is not printed, only addresses */
  label: boolean;
}

/**
 * print_name_and_link: `veth0@veth1` for a peer beside it, `veth0@if7` for one in another
 * namespace. Returns the M-DOWN mark: a peer beside it that is not up.
 */
export function printNameAndLink(c: ShowCtx, info: IfInfo, width: number | null): boolean {
  let name = info.name;
  let mdown = false;
  if (info.iflink !== null) {
    if (info.iflink !== 0) {
      let link: string | null;
      if (info.linkNetnsid !== null) {
        c.p.jsonOnly('link_index', info.iflink);
        link = `if${info.iflink}`;
      } else {
        link = indexName(c.ns, info.iflink);
        c.p.jsonOnly('link', link);
        // ll_index_to_flags: an index this namespace does not have reads as all flags set
        const dev = c.ns.linkByIndex(info.iflink);
        mdown = dev !== undefined && !dev.up;
      }
      if (!c.p.json) name = `${name}@${link}`;
    } else {
      c.p.jsonOnly('link', null);
      name = `${name}@NONE`;
    }
  }
  c.p.colored('ifname', 'ifname', width === null ? `${name}: ` : `${padRight(name, width)} `, info.name);
  return mdown;
}

/** The order print_link_flags names the IFF_* bits in. */
const FLAG_ORDER: (keyof typeof IFF)[] = [
  'LOOPBACK',
  'BROADCAST',
  'POINTOPOINT',
  'MULTICAST',
  'NOARP',
  'ALLMULTI',
  'PROMISC',
  'MASTER',
  'SLAVE',
  'DEBUG',
  'DYNAMIC',
  'AUTOMEDIA',
  'PORTSEL',
  'NOTRAILERS',
  'UP',
  'LOWER_UP',
  'DORMANT',
  'ECHO',
];

/** print_link_flags: `<NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> `, or the `flags` array. */
export function printLinkFlags(c: ShowCtx, flagsIn: number, mdown: boolean): void {
  const p = c.p;
  let flags = flagsIn;
  p.text('<');
  p.openArray('flags');
  if (flags & IFF.UP && !(flags & IFF.RUNNING)) p.any(null, flags ? 'NO-CARRIER,' : 'NO-CARRIER', 'NO-CARRIER');
  flags &= ~IFF.RUNNING;
  for (const f of FLAG_ORDER) {
    if (flags & IFF[f]) {
      flags &= ~IFF[f];
      p.any(null, flags ? `${f},` : f, f);
    }
  }
  if (flags) p.any(null, flags.toString(16), flags.toString(16));
  if (mdown) p.any(null, ',M-DOWN', 'M-DOWN');
  p.closeArray();
  p.text('> ');
}

/** print_operstate: `state UP ` (`%-14s ` in brief mode), `"operstate":"UP"`. */
export function printOperstate(c: ShowCtx, info: IfInfo): void {
  const st = info.operstate;
  const color = st === 'UP' ? 'up' : st === 'DOWN' ? 'down' : 'none';
  if (c.brief) c.p.colored(color, 'operstate', `${padRight(st, 14)} `, st);
  else {
    c.p.text('state ');
    c.p.colored(color, 'operstate', `${st} `, st);
  }
}

/** print_queuelen: `qlen 1000` (no trailing space), nothing for a queue length of 0. */
export function printQueuelen(c: ShowCtx, info: IfInfo): void {
  if (info.txqlen) c.p.any('txqlen', `qlen ${info.txqlen}`, info.txqlen);
}

/** get_name_from_nsid: the name in /run/netns of the namespace this one knows by `id`. */
export function netnsNameOfId(ns: Netns, id: number): string | null {
  for (const [name, other] of ns.host.namespaces) if (ns.nsids.get(other) === id) return name;
  return null;
}

/** `    link/ether MAC brd MAC` (the second line), `link_type`/`address`/`broadcast` in JSON. */
export function printLinkLayer(c: ShowCtx, info: IfInfo): void {
  const p = c.p;
  printNl(c);
  p.any('link_type', `    link/${info.type} `, info.type);
  if (info.address !== null) p.colored('mac', 'address', info.address, info.address);
  if (info.broadcast !== null) {
    if (info.flags & IFF.POINTOPOINT) {
      p.text(' peer ');
      p.jsonOnly('link_pointtopoint', true);
    } else {
      p.text(' brd ');
    }
    p.colored('mac', 'broadcast', info.broadcast, info.broadcast);
  }
  // a perm_addr the device no longer has (an ipvlan whose lower changed its MAC)
  if (info.permAddr !== null && info.permAddr !== info.address) {
    p.text(' permaddr ');
    p.colored('mac', 'permaddr', info.permAddr, info.permAddr);
  }
}

/** ` link-netns NS1` (or ` link-netnsid 0` when no named namespace has that id), `link_netnsid` in JSON. */
export function printLinkNetns(c: ShowCtx, info: IfInfo): void {
  if (info.linkNetnsid === null) return;
  const id = info.linkNetnsid;
  if (c.p.json) {
    c.p.jsonOnly('link_netnsid', id);
    return;
  }
  const name = netnsNameOfId(c.ns, id);
  c.p.text(name !== null ? ` link-netns ${name}` : ` link-netnsid ${id}`);
}

/** IFLA_INFO_KIND matching for `type X` (match_link_kind: no IFLA_LINKINFO never matches). */
function kindMismatch(info: IfInfo, kind: string, slave: boolean): boolean {
  if (info.kind === null && info.slaveKind === null) return true;
  return (slave ? info.slaveKind : info.kind) !== kind;
}

/**
 * print_linkinfo: one link, as `ip link` (with `mode DEFAULT`) or as the head of `ip addr`.
 * Returns -1 when a filter rejects the link (JSON still gets the `{}` the caller opened),
 * 0 when only its addresses are to be printed (`label`), 1 when printed.
 */
export function printLinkinfo(c: ShowCtx, info: IfInfo, f: LinkPrintFilter): number {
  const p = c.p;
  if (f.up && !(info.flags & IFF.UP)) return -1;
  if (f.label) return 0;
  if (info.master !== null) {
    if (f.master > 0 && info.master !== f.master) return -1;
  } else if (f.master > 0) return -1;
  if (f.kind !== null && kindMismatch(info, f.kind, false)) return -1;
  if (f.slaveKind !== null && kindMismatch(info, f.slaveKind, true)) return -1;

  if (c.brief) return printLinkinfoBrief(c, info);

  p.any('ifindex', `${info.ifindex}: `, info.ifindex);
  const mdown = printNameAndLink(c, info, null);
  printLinkFlags(c, info.flags, mdown);
  p.any('mtu', `mtu ${info.mtu} `, info.mtu);
  if (info.qdisc !== null) p.any('qdisc', `qdisc ${info.qdisc} `, info.qdisc);
  if (info.master !== null) {
    const m = indexName(c.ns, info.master);
    p.any('master', `master ${m} `, m);
  }
  printOperstate(c, info);
  if (c.doLink && info.linkmode !== null) p.any('linkmode', 'mode DEFAULT ', 'DEFAULT');
  if (info.group !== null) p.any('group', 'group default ', 'default');
  printQueuelen(c, info);
  if (c.family === null || c.family === 'link' || c.details) printLinkLayer(c, info);
  printLinkNetns(c, info);
  if (c.details) printDetails(c, info);
  if ((c.doLink || c.details) && info.ifalias !== null) {
    p.text(`${c.sl}    `);
    p.any('ifalias', `alias ${info.ifalias}`, info.ifalias);
  }
  const counters = c.doLink ? c.stats?.(info.link) : null;
  if (counters) {
    printNl(c);
    printLinkStats(c, counters, info.link);
  }
  p.text('\n');
  return 1;
}

/** print_linkinfo_brief: `name@peer        STATE          [MAC <FLAGS> ]`. */
function printLinkinfoBrief(c: ShowCtx, info: IfInfo): number {
  const mdown = printNameAndLink(c, info, 16);
  printOperstate(c, info);
  if (c.family === 'link') {
    if (info.address !== null) c.p.colored('mac', 'address', `${info.address} `, info.address);
    printLinkFlags(c, info.flags, mdown);
    c.p.text('\n');
  }
  return 0;
}
