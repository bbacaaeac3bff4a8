/**
 * tc's mirred action (tc/m_mirred.c of iproute2 6.1.0, net/sched/act_mirred.c): the forms
 * `action mirred egress|ingress redirect|mirror dev DEV`, tc's own refusals of the others it
 * parses (an incomplete line, a verb it lacks, a device it cannot find, each followed by
 * parse_action's complaint), and the action's lines in `tc filter show`.
 */
import type { Netns } from '../../model/netns.js';
import type { MirredAction } from '../../model/qdisc.js';
import { TcParseError } from './netem.js';

const INCOMPLETE = 'Command line is not complete. Try option "help"\n';

/** parse_action's words after a mirred parse failed: `argc` counts the words from `mirred` on. */
const badAction = (why: string, argc: number) => new TcParseError(`${why}bad action parsing\nparse_action: bad value (${argc}:mirred)!\nIllegal "action"\n`, false, 1);

/** The action of `args` (the words after `action`, from `mirred` on), its index still to be given. */
export function parseMirred(ns: Netns, args: string[]): Omit<MirredAction, 'index'> {
  if (args[0] !== 'mirred') throw new TcParseError(`tc action ${args[0] ?? ''}`, true);
  if (args.length < 2) throw new TcParseError(INCOMPLETE, false, 255);
  const dir = args[1]!;
  if (dir !== 'egress' && dir !== 'ingress') {
    if (dir === 'index' || dir === 'help') throw new TcParseError(`tc action mirred ${dir}`, true);
    throw badAction(`mirred option not supported ${dir}\n`, args.length);
  }
  if (args.length < 3) throw new TcParseError(INCOMPLETE, false, 255);
  const verb = args[2]!;
  if (verb !== 'redirect' && verb !== 'mirror') throw new TcParseError(`tc action mirred ${dir} ${verb}`, true);
  if (args.length < 4) throw new TcParseError(INCOMPLETE, false, 255);
  if (args[3] !== 'dev') throw new TcParseError(`tc action mirred ${dir} ${verb} ${args[3]}`, true);
  if (args.length < 5) throw new TcParseError(INCOMPLETE, false, 255);
  if (args.length > 5) throw new TcParseError(`tc action mirred … ${args.slice(5).join(' ')}`, true);
  const name = args[4]!;
  const to = ns.linkByName(name);
  if (!to) throw badAction(`Cannot find device "${name}"\n`, args.length);
  return { egress: dir === 'egress', redirect: verb === 'redirect', ifindex: to.ifindex };
}

/**
 * tc_print_action of a filter's mirred actions (tcf_idr's index; each bound once). A target
 * that was deleted or left the namespace is `*`: mirred_device_event forgot it (measured).
 */
export function printMirred(ns: Netns, actions: readonly MirredAction[]): string {
  let out = '';
  for (const [i, a] of actions.entries()) {
    const to = ns.links.get(a.ifindex);
    const what = `${a.egress ? 'Egress' : 'Ingress'} ${a.redirect ? 'Redirect' : 'Mirror'}`;
    out += `\n\taction order ${i + 1}: mirred (${what} to device ${to?.name ?? '*'}) ${a.redirect ? 'stolen' : 'pipe'}\n\tindex ${a.index} ref 1 bind 1\n`;
  }
  return out;
}
