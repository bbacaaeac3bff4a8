/**
 * What verification asks of the forwarding engine, as a port: a packet's walk, the lab's loops,
 * a prefix's blackholes. The default is sim/reach (destination classes over the model's
 * forwarding state); tests or other engines can stand in for it.
 */
import type { LabModel } from '../model/lab-model.js';
import type { Netns } from '../model/netns.js';
import type { Ip4 } from '../model/ip.js';
import { findBlackholes, findLoops, forwardingWalk, type BlackholeFinding, type ForwardingWalk, type LoopFinding } from '../../sim/reach/index.js';

export type { BlackholeFinding, ForwardingWalk, LoopFinding, WalkOutcome } from '../../sim/reach/index.js';

/** The three questions, with sim/reach's signatures. */
export interface ForwardingEngine {
  forwardingWalk(lab: LabModel, from: Netns, dst: Ip4): ForwardingWalk;
  findLoops(lab: LabModel): LoopFinding[];
  /** `prefix` as text, e.g. '10.0.0.0/8' */
  findBlackholes(lab: LabModel, prefix: string): BlackholeFinding[];
}

/** sim/reach. */
export const defaultEngine: ForwardingEngine = { forwardingWalk, findLoops, findBlackholes };
