/**
 * The simulator's event bus (eventemitter3) with typed names. Listeners observe; they never
 * change what the engine does. Emission is skipped entirely when nobody listens.
 */
import { EventEmitter } from 'eventemitter3';
import type { Ip4 } from '../src/model/ip.js';
import type { Frame } from './packet.js';
import type { DropReason } from './trace.js';

export interface FrameEvent {
  t: number;
  ns: string;
  dev: string;
  src: string;
  dst: string;
  ethertype: number;
  /** the frame itself, for captures (read it during the event: a packet changes hop by hop) */
  frame: Frame;
}

export interface PacketEvent {
  t: number;
  ns: string;
  src: Ip4;
  dst: Ip4;
  ttl: number;
  protocol: number;
  /** the interface involved (ingress for deliver/drop on input, egress for forward) */
  dev: string | null;
}

export interface DropEvent extends PacketEvent {
  reason: DropReason;
}

export interface ArpEvent {
  t: number;
  ns: string;
  dev: string;
  /** sender and target protocol addresses */
  spa: Ip4;
  tpa: Ip4;
  sha: string;
}

export interface FdbEvent {
  t: number;
  ns: string;
  bridge: string;
  port: string;
  mac: string;
}

export interface IcmpErrorEvent {
  t: number;
  ns: string;
  /** source and destination of the error message */
  from: Ip4;
  to: Ip4;
  type: number;
  code: number;
}

/** Event names and their payloads. */
export interface SimEvents {
  'frame:tx': (e: FrameEvent) => void;
  'frame:rx': (e: FrameEvent) => void;
  'packet:forward': (e: PacketEvent) => void;
  'packet:deliver': (e: PacketEvent) => void;
  'packet:drop': (e: DropEvent) => void;
  'arp:request': (e: ArpEvent) => void;
  'arp:reply': (e: ArpEvent) => void;
  'fdb:learn': (e: FdbEvent) => void;
  'icmp:error': (e: IcmpErrorEvent) => void;
}

export type SimEventName = keyof SimEvents;

/** A typed eventemitter3 bus. */
export class SimBus extends EventEmitter<SimEvents> {
  /** Whether anyone listens (so payloads are built only when needed). */
  wants(name: SimEventName): boolean {
    return this.listenerCount(name) !== 0;
  }
}
