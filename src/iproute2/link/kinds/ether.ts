/** A lab NIC is a veth in real mode (its cable the pair), so `ip` prints it as one: veth prints no options. */
import type { LinkUtil } from './util.js';

export const etherUtil: LinkUtil = { type: null };
