/** A tap is a tun device in tap mode: the same print_opt; a 10 Gb/s port. */
import { tunOpts } from './tun.js';
import type { LinkUtil } from './util.js';

export const tapUtil: LinkUtil = { type: null, printOpt: tunOpts };
