/**
 * `ip link show` (ip/iplink.c → ipaddr_list_link): every link of the namespace, or the ones
 * the selectors keep, in text, `-br`, `-o`, `-d` and `-j [-p]`. The fields themselves are
 * described once in link/fields.ts.
 */
import type { LinkFilter } from '../filters.js';
import { showLinks } from './show.js';
import type { CmdContext, CommandResult, IpGlobals } from '../types.js';

/**
 * Renders `ip [-j] [-br] [-d] [-o] link show [dev D] [up] [master M] [type T]` as iproute2
 * 6.1 prints it. `-4`/`-6` do not change `ip link`'s output.
 *
 * @example
 * renderLinks({ ns: host.root }, defaultGlobals(), emptyLinkFilter()).stdout
 * // '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n'
 */
export function renderLinks(ctx: CmdContext, g: IpGlobals, filter: LinkFilter): CommandResult {
  return showLinks(ctx, g, filter, true);
}
