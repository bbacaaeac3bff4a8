/**
 * The forwarding engine's public surface.
 *
 * @example
 * import { Simulator, ping } from './sim/index.js';
 * const sim = new Simulator(lab);
 * ping(sim, lab.netns('h/A')!, 0x0a000002, { count: 1, timeout: 1 }).received; // 1
 */
export { Simulator, type SimulatorOptions, type TunnelHook, type UdpHook } from './simulator.js';
export { ping, type PingOptions, type PingResult, type PingEvent, type PingReply, type PingFailure, type PingNotice } from './ping.js';
export { Tracer, type DropReason, type TraceStep, type StepKind } from './trace.js';
export { SimBus, type SimEvents, type SimEventName } from './events.js';
export { Fib, type Flow, type FibAnswer } from './fib.js';
export { routeOutput, type RtEntry, type RtResult } from '../src/model/route-output.js';
export { PARAMS, timerWheelUs } from './params.js';
export type { Frame, IpPacket } from './packet.js';
