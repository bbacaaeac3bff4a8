/**
 * What verification asks of the forwarding engine, as a port: a packet's walk, the lab's loops,
 * a prefix's blackholes. The default is sim/reach (destination classes over the model's
 * forwarding state); while a question there is still unimplemented, an interim engine built on
 * the event simulator answers it (`interim-engine.ts`), so verification works either way and
 * switches by itself.
 */
import type { LabModel } from '../model/lab-model.js';
import type { Netns } from '../model/netns.js';
import type { Ip4 } from '../model/ip.js';
import * as reach from '../../sim/reach/index.js';
import type { BlackholeFinding, ForwardingWalk, LoopFinding } from '../../sim/reach/index.js';
import * as interim from './interim-engine.js';

export type { BlackholeFinding, ForwardingWalk, LoopFinding, WalkOutcome } from '../../sim/reach/index.js';

/** The three questions, with sim/reach's signatures. */
export interface ForwardingEngine {
  forwardingWalk(lab: LabModel, from: Netns, dst: Ip4): ForwardingWalk;
  findLoops(lab: LabModel): LoopFinding[];
  /** `prefix` as text, e.g. '10.0.0.0/8' */
  findBlackholes(lab: LabModel, prefix: string): BlackholeFinding[];
}

const notYet = (e: unknown) => e instanceof Error && /not implemented/.test(e.message);

/** `primary`, and `fallback` for whatever `primary` does not implement yet. */
export function withFallback(primary: ForwardingEngine, fallback: ForwardingEngine): ForwardingEngine {
  const pick =
    <A extends unknown[], R>(f: (...a: A) => R, g: (...a: A) => R) =>
    (...a: A): R => {
      try {
        return f(...a);
      } catch (e) {
        if (notYet(e)) return g(...a);
        throw e;
      }
    };
  return {
    forwardingWalk: pick(primary.forwardingWalk, fallback.forwardingWalk),
    findLoops: pick(primary.findLoops, fallback.findLoops),
    findBlackholes: pick(primary.findBlackholes, fallback.findBlackholes),
  };
}

/** sim/reach, with the interim engine behind it. */
export const defaultEngine: ForwardingEngine = withFallback(
  { forwardingWalk: reach.forwardingWalk, findLoops: reach.findLoops, findBlackholes: reach.findBlackholes },
  { forwardingWalk: interim.forwardingWalk, findLoops: interim.findLoops, findBlackholes: interim.findBlackholes },
);
