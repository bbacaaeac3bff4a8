/**
 * The reference: one `ping -c 1 -W 1` in the event engine, from a fresh state (a new
 * Simulator: no neighbour entries, no learned FDB, no redirects). Pairs the fast path cannot
 * claim come here.
 */
import type { Ip4 } from '../../src/model/ip.js';
import type { LabModel } from '../../src/model/lab-model.js';
import type { Netns } from '../../src/model/netns.js';
import { ping } from '../ping.js';
import { Simulator } from '../simulator.js';

export function enginePing(lab: LabModel, from: Netns, dst: Ip4): boolean {
  return ping(new Simulator(lab), from, dst, { count: 1, timeout: 1 }).received > 0;
}
