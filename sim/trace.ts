/**
 * Traces: every decision the engine takes is a step `{ t, ns, kind, detail }`, and every drop
 * carries a reason code. Recording is off unless a Tracer is attached (explain does), so the
 * forwarding path pays one null check per decision.
 */
export type DropReason =
  | 'no-route'
  | 'neigh-failed'
  | 'ttl-exceeded'
  | 'forwarding-off'
  | 'rp-filter'
  | 'martian-source'
  | 'martian-destination'
  | 'accept-local'
  | 'link-down'
  | 'no-carrier'
  | 'dummy'
  | 'lo-down'
  | 'blackhole'
  | 'unreachable'
  | 'prohibit'
  | 'loop'
  | 'not-for-us'
  | 'port-down'
  | 'bridge-down'
  | 'no-fdb-port'
  | 'arp-ignored'
  | 'noarp'
  | 'broadcast-echo-ignored'
  | 'no-socket'
  | 'icmp-rate-limit'
  | 'no-error-about-error'
  | 'queue-overflow'
  | 'tunnel-unsupported'
  | 'device-gone';

export type StepKind = 'send' | 'route' | 'neigh' | 'arp' | 'xmit' | 'rx' | 'bridge' | 'fdb' | 'input' | 'forward' | 'deliver' | 'icmp' | 'socket' | 'drop';

export interface TraceStep {
  /** virtual time, µs */
  t: number;
  /** namespace path (`host` or `host/NS`) */
  ns: string;
  kind: StepKind;
  detail: string;
  reason?: DropReason;
}

/** Collects steps; attach one to a Simulator to record a run. */
export class Tracer {
  readonly steps: TraceStep[] = [];

  step(t: number, ns: string, kind: StepKind, detail: string, reason?: DropReason): void {
    this.steps.push(reason ? { t, ns, kind, detail, reason } : { t, ns, kind, detail });
  }
}
