/** ip/iptuntap.c's print_opt (tun_print_opt); tun devices are made by `ip tuntap`, not `ip link add`. */
import type { Link } from '../../../model/link.js';
import type { ShowCtx } from '../show-ctx.js';
import { onOff } from './print-util.js';
import type { LinkUtil } from './util.js';

/** tun_print_opt. */
export function tunOpts(c: ShowCtx, l: Link): void {
  const p = c.p;
  const t = l.tun;
  const mode = t?.mode ?? (l.kind === 'tap' ? 'tap' : 'tun');
  p.any('type', `type ${mode} `, mode);
  onOff(c, 'pi', 'pi', t?.pi ?? false);
  onOff(c, 'vnet_hdr', 'vnet_hdr', false);
  p.jsonOnly('multi_queue', false);
  onOff(c, 'persist', 'persist', t?.persist ?? true);
}

export const tunUtil: LinkUtil = { type: null, printOpt: tunOpts };
