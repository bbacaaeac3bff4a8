/** iproute2 has no link_util for dummy (no ip/iplink_dummy.c): `type dummy` takes no options and `-d` prints the kind alone. */
import type { LinkUtil } from './util.js';

export const dummyUtil: LinkUtil = { type: 'dummy' };
