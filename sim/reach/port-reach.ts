/**
 * A service port asked from every source of a list to every destination address: the fast
 * path (l4-fast.ts: one engine run per class of twin sources) unless `engine` asks for every
 * pair to be run on its own (the reference the fast path is tested against).
 */
import type { Ip4 } from '../../src/model/ip.js';
import type { LabModel } from '../../src/model/lab-model.js';
import type { Netns } from '../../src/model/netns.js';
import { probePort, type L4Proto, type PortProbe, type PortProbeOptions } from './l4.js';
import { fastProbes, type FastPortStats } from './l4-fast.js';

/** The answers from every source to every destination address, row-major (sources × destinations). */
export interface PortReach {
  proto: L4Proto;
  port: number;
  sources: readonly Netns[];
  destinations: readonly Ip4[];
  probes: PortProbe[];
  at(i: number, j: number): PortProbe;
  /** probes the event engine ran (the others were a twin's answer) */
  engineRuns: number;
}

export interface PortReachOptions extends PortProbeOptions {
  /** run every pair's probe on its own */
  engine?: boolean;
}

export function portReach(lab: LabModel, sources: readonly Netns[], destinations: readonly Ip4[], proto: L4Proto, port: number, opts: PortReachOptions = {}): PortReach {
  const stats: FastPortStats = { engineRuns: 0, shared: 0 };
  let probes: PortProbe[];
  if (opts.engine) {
    probes = [];
    for (const s of sources) for (const d of destinations) probes.push(probePort(lab, s, d, proto, port, opts));
    stats.engineRuns = probes.length;
  } else probes = fastProbes(lab, sources, destinations, proto, port, opts, stats);
  const n = destinations.length;
  return { proto, port, sources, destinations, probes, at: (i, j) => probes[i * n + j]!, engineRuns: stats.engineRuns };
}
