/**
 * `bridge vlan show [dev DEV] [vid N]` of iproute2 6.1.0 (bridge/vlan.c vlan_show,
 * print_vlan_info; with -d print_vlan_opts): the VLANs of every bridge and bridge port, in
 * the order the kernel's PF_BRIDGE dump walks the namespace's devices. `-compressvlans` asks
 * the kernel for ranges (br_fill_ifvlaninfo_compressed), and -d uses the VLAN dump, which
 * always sends ranges (br_vlan_dump_dev).
 */
import { listedVlans } from '../../model/bridge-vlan.js';
import type { Link } from '../../model/link.js';
import type { Netns } from '../../model/netns.js';
import { Argv, duparg, exitWith, llNameToIndex, nodevText, notModelled } from '../args.js';
import { showPlan, type IpPlan } from '../plan.js';
import { Printer } from '../print.js';
import type { CmdContext, CommandResult } from '../types.js';
import type { BridgeGlobals } from '../bridge.js';
import { atoi } from './vlan.js';

type Listed = ReturnType<typeof listedVlans>[number];

/** One IFLA_BRIDGE_VLAN_INFO the kernel sends: a VLAN, or the first or last of a range. */
interface Info extends Listed {
  begin: boolean;
  /** for a range's last VLAN, its first */
  start: number;
}

/** The devices a PF_BRIDGE link dump answers for (rtnl_bridge_getlink): bridge ports and bridges. */
function bridgeDevices(ns: Netns): Link[] {
  return [...ns.links.values()].filter((l) => l.kind === 'bridge' || l.master?.kind === 'bridge');
}

/** Consecutive VLANs with the same flags, as the kernel groups them; `pvidAlone`: the PVID never ends a range (compressed dump). */
function ranges(vs: Listed[], pvidAlone: boolean): Listed[][] {
  const out: Listed[][] = [];
  for (const v of vs) {
    const cur = out.at(-1);
    const end = cur?.at(-1);
    const joins = end && v.vid - end.vid === 1 && v.untagged === end.untagged && !v.pvid && !(pvidAlone && end.pvid);
    if (joins) cur!.push(v);
    else out.push([v]);
  }
  return out;
}

function infos(l: Link, compress: boolean): Info[] {
  const vs = listedVlans(l);
  if (!compress) return vs.map((v) => ({ ...v, begin: false, start: v.vid }));
  const out: Info[] = [];
  for (const r of ranges(vs, true)) {
    const first = r[0]!;
    const last = r.at(-1)!;
    if (r.length > 1) out.push({ ...first, begin: true, start: first.vid });
    out.push({ ...last, begin: false, start: first.vid });
  }
  return out;
}

function flags(p: Printer, v: Listed): void {
  if (!v.pvid && !v.untagged) return;
  p.openArray('flags');
  if (v.pvid) p.any(null, ' PVID', 'PVID');
  if (v.untagged) p.any(null, ' Egress Untagged', 'Egress Untagged');
  p.closeArray();
}

function range(p: Printer, start: number, vid: number): void {
  p.any('vlan', `${start}`, start);
  if (start !== vid) p.any('vlanEnd', `-${vid}`, vid);
}

const PAD = ' '.repeat(16);

/** print_vlan_info(), for every device the dump answers for. */
function render(ns: Netns, g: BridgeGlobals, only: Link | null, filterVlan: number): CommandResult {
  const p = new Printer(g.json, g.pretty);
  p.color = g.color;
  p.startList();
  if (!g.json) p.text(`${'port'.padEnd(16)}  ${'vlan-id'.padEnd(9)}\n`);
  for (const l of bridgeDevices(ns)) {
    if (only && l !== only) continue;
    let opened = false;
    for (const v of infos(l, g.compress)) {
      // filter_vlan_check: past the VLAN asked for (not a range's end) ends the device
      if (filterVlan && v.vid > filterVlan && !(v.start !== v.vid)) break;
      if (v.begin || v.vid < filterVlan) continue;
      if (!opened) {
        p.openObject();
        p.colored('ifname', 'ifname', `${l.name.padEnd(16)}  `, l.name);
        p.openArray('vlans');
        opened = true;
      } else {
        p.text(`${PAD}  `);
      }
      p.openObject();
      range(p, v.start, v.vid);
      flags(p, v);
      p.closeObject();
      p.text('\n');
    }
    if (opened) {
      p.closeArray();
      p.closeObject();
    }
  }
  p.endList();
  return { exit: 0, stdout: p.output, stderr: '' };
}

/** print_vlan_opts() over the VLAN dump (-d): ranges, each with its STP state and multicast router setting. */
function renderDetails(ns: Netns, g: BridgeGlobals, only: Link | null, filterVlan: number): CommandResult {
  const p = new Printer(g.json, g.pretty);
  p.color = g.color;
  p.startList();
  if (!g.json) p.text(`${'port'.padEnd(16)}  ${'vlan-id'.padEnd(9)}\n`);
  // RTM_GETVLAN has no handler without VLAN filtering: the dump fails after the header (with -j, the document's opening)
  if (!ns.host.lab.kernel.bridgeVlanFiltering) return { exit: 1, stdout: p.output, stderr: 'RTNETLINK answers: Operation not supported\nDump terminated\n' };
  for (const l of bridgeDevices(ns)) {
    if (only && l !== only) continue;
    let opened = false;
    for (const r of ranges(listedVlans(l), false)) {
      const first = r[0]!;
      const last = r.at(-1)!.vid;
      if (filterVlan && (filterVlan < first.vid || filterVlan > last)) continue;
      if (!opened) {
        p.openObject();
        p.colored('ifname', 'ifname', `${l.name.padEnd(16)}  `, l.name);
        p.openArray('vlans');
      } else {
        p.text(`${PAD}  `);
      }
      opened = true;
      p.openObject();
      range(p, first.vid, last);
      flags(p, first);
      p.text(`\n${PAD}    `);
      p.any('state', 'state forwarding ', 'forwarding');
      p.any('mcast_router', 'mcast_router 1 ', 1);
      p.text('\n');
      p.closeObject();
    }
    if (opened) {
      p.closeArray();
      p.closeObject();
    }
  }
  p.endList();
  return { exit: 0, stdout: p.output, stderr: '' };
}

/** vlan_show(). */
export function vlanShow(ctx: CmdContext, g: BridgeGlobals, argv: string[]): IpPlan {
  let filterDev: string | null = null;
  let filterVlan = 0;
  const a = new Argv(argv);
  while (a.more) {
    if (a.cur === 'dev') {
      const v = a.next();
      if (filterDev !== null) duparg('dev', v);
      filterDev = v;
    } else if (a.cur === 'vid') {
      const v = a.next();
      if (filterVlan) duparg('vid', v);
      filterVlan = atoi(v) >>> 0;
    }
    a.step();
  }
  let only: Link | null = null;
  if (filterDev !== null) {
    only = llNameToIndex(ctx.ns, filterDev);
    if (!only) exitWith(nodevText(filterDev), 255);
  }
  if (g.stats) notModelled('bridge -s vlan show');
  if (g.details) return showPlan(() => renderDetails(ctx.ns, g, only, filterVlan));
  return showPlan(() => render(ctx.ns, g, only, filterVlan));
}
