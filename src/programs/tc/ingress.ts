/**
 * The ingress qdisc (net/sched/sch_ingress.c: `ingress`, and `clsact`, whose ingress block is
 * the same hook): `tc qdisc add|del dev X ingress|clsact` and its line in `tc qdisc show`.
 * tc gives both the parent TC_H_INGRESS (ffff:fff1) and the handle ffff:0 (tc_qdisc.c);
 * tc_modify_qdisc creates the device's ingress queue on the first add (dev_ingress_queue_create),
 * and the queue stays, holding noop (handle 0), once the qdisc is deleted — which is why a
 * second `del` reads "Invalid handle" where the first, on a device that never had one, reads
 * "Cannot find specified qdisc on specified device".
 */
import type { Link } from '../../model/link.js';
import { freshStats } from '../../model/qdisc.js';
import { fail, ok, unsupported, type CommandResult } from '../../iproute2/types.js';

export type IngressKind = 'ingress' | 'clsact';

/** `tc qdisc add|del|… dev X ingress|clsact [ARGS]`. */
export function modifyIngress(l: Link, cmd: string, kind: IngressKind, args: string[]): CommandResult {
  // ingress_parse_opt / clsact_parse_opt take nothing but `handle X`
  if (args.length > 0) return unsupported(`tc qdisc ${kind} ${args.join(' ')}`);
  const kernel = l.ns.host.lab.kernel;
  if (cmd === 'del' || cmd === 'delete') {
    // tc_get_qdisc: the ingress queue's qdisc, its handle against ffff:0, then its kind
    if (!l.ingressQueue) return fail('Error: Cannot find specified qdisc on specified device.\n', 2);
    if (!l.ingress) return fail('Error: Invalid handle.\n', 2);
    if (l.ingress.kind !== kind) return fail('Error: Invalid qdisc name: must match existing qdisc.\n', 2);
    delete l.ingress;
    l.ns.touch();
    return ok();
  }
  if (cmd !== 'add') return unsupported(`tc qdisc ${cmd} ${kind}`);
  if (!kernel.qdiscs.includes(kind)) return fail('Error: Specified qdisc kind is unknown.\n', 2);
  l.ingressQueue = true;
  // tc_modify_qdisc finds the ingress queue's qdisc of handle ffff:0: add's NLM_F_EXCL refuses to change it
  if (l.ingress) return fail('Error: Exclusivity flag on, cannot modify.\n', 2);
  l.ingress = { kind, filters: [], u32NextHt: 1, stats: freshStats() };
  l.ns.touch();
  return ok();
}

/** print_qdisc of the ingress qdisc: ingress prints its dashes (ingress_print_opt), clsact nothing. */
export function ingressLine(l: Link, where: string): string {
  const q = l.ingress!;
  return `qdisc ${q.kind} ffff: ${where}parent ffff:fff1 ${q.kind === 'ingress' ? '---------------- ' : ''}\n`;
}
