/**
 * `ip addr show` (ip/ipaddress.c ipaddr_list_flush_or_save): each link followed by its IPv4
 * addresses and the IPv6 ones the kernel made itself (`::1` on lo, fe80:: link-locals), in
 * text, `-br`, `-o`, `-d` and `-j [-p]`, with `-4`/`-6`/`-0` and the address selectors.
 */
import type { LinkFilter } from '../filters.js';
import { showLinks } from '../link/show.js';
import type { CmdContext, CommandResult, IpGlobals } from '../types.js';

/**
 * Renders `ip [-4|-6] [-j] [-br] [-o] addr show [dev D] [up] [master M] [type T] [scope S]
 * [to P] [label L] [primary|secondary]` as iproute2 6.1 prints it.
 *
 * @example
 * renderAddrs({ ns: host.root }, { ...defaultGlobals(), brief: true }, emptyLinkFilter()).stdout
 * // 'lo               UNKNOWN        127.0.0.1/8 ::1/128 \n'
 */
export function renderAddrs(ctx: CmdContext, g: IpGlobals, filter: LinkFilter): CommandResult {
  return showLinks(ctx, g, filter, false);
}
