/** iproute2 has no link_util for ifb (no ip/iplink_ifb.c): `type ifb` takes no options and `-d` prints the kind alone. */
import type { LinkUtil } from './util.js';

export const ifbUtil: LinkUtil = { type: 'ifb' };
