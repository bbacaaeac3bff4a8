/**
 * `ip netns list` (ip/ipnetns.c netns_list): the names in /run/netns as readdir returns them —
 * on the tmpfs of a sandbox and of most hosts that is the newest first — each followed by
 * ` (id: N)` when the namespace the command runs in has given that namespace an id
 * (peernet2id, no allocation). Ids come from links that span namespaces (a veth whose peer is
 * elsewhere, a link moved away) and `ip netns set NAME auto|N`, never from `ip netns add`.
 */
import { Printer } from '../print.js';
import type { Netns } from '../../model/netns.js';
import type { CmdContext, CommandResult, IpGlobals } from '../types.js';

/**
 * `ip netns list`.
 *
 * @example
 * // after `ip netns add A; ip netns add B; ip link add v0 type veth peer name v1 netns B`
 * renderNetnsList({ ns: host.root }, defaultGlobals()).stdout // 'B (id: 0)\nA\n'
 */
export function renderNetnsList(ctx: CmdContext, g: IpGlobals): CommandResult {
  const host = ctx.ns.host;
  const p = new Printer(g.json, g.pretty);
  p.startList();
  for (const [name, ns] of [...host.namespaces].reverse()) {
    p.openObject();
    p.any('name', name, name);
    const id = ctx.ns.nsidOf(ns, false);
    if (id !== undefined) p.any('id', ` (id: ${id})`, id);
    p.text('\n');
    p.closeObject();
  }
  p.endList();
  return { exit: 0, stdout: p.output, stderr: '' };
}

/**
 * `ip netns list-id`: each id the namespace gave (nsid order, as the kernel's idr dumps them),
 * with the name in /run/netns that the id stands for when there is one.
 *
 * @example
 * // after `ip netns add A; ip netns set A 5`
 * renderNetnsListId({ ns: host.root }, defaultGlobals(), null).stdout // 'nsid 5 (iproute2 netns name: A)\n'
 */
export function renderNetnsListId(ctx: CmdContext, g: IpGlobals, only: number | null): CommandResult {
  const names = new Map<Netns, string>([...ctx.ns.host.namespaces].map(([name, ns]) => [ns, name]));
  const p = new Printer(g.json, g.pretty);
  p.startList();
  for (const [ns, id] of [...ctx.ns.nsids].sort((a, b) => a[1] - b[1])) {
    if (only !== null && id !== only) continue;
    p.openObject();
    p.any('nsid', `nsid ${id} `, id);
    const name = names.get(ns);
    if (name !== undefined) p.any('name', `(iproute2 netns name: ${name})`, name);
    p.text('\n');
    p.closeObject();
  }
  p.endList();
  return { exit: 0, stdout: p.output, stderr: '' };
}
