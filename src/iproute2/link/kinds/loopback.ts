/** lo has no link_util: no `type`, no details of its own. */
import type { LinkUtil } from './util.js';

export const loopbackUtil: LinkUtil = { type: null };
