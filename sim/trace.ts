/**
 * Traces: every decision the engine takes is a step `{ t, ns, kind, detail }`, and every drop
 * carries a reason code. Recording is off unless a Tracer is attached (explain does), so the
 * forwarding path pays one null check per decision.
 */
import type { HeaderLayer } from './frame-headers.js';
import type { NfRule } from '../src/model/netfilter/rule.js';
import type { NfChain, NfTable } from '../src/model/netfilter/table.js';

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
  | 'ifb'
  | 'mirred'
  | 'vrf'
  | 'bond-backup'
  | 'vlan-unknown'
  | 'vlan-filter'
  | 'netem-loss'
  | 'tbf-drop'
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
  /** an ipvlan port's rule (private, l3's multicast, what the model does not route: sim/links/ipvlan.ts) */
  | 'ipvlan'
  | 'device-gone'
  /** a netfilter rule or chain policy dropped it */
  | 'netfilter-drop'
  /** a REJECT rule dropped it and answered with an ICMP error */
  | 'netfilter-reject'
  /** its new connection could not be confirmed (the tuple was taken meanwhile) */
  | 'conntrack-clash'
  /** DF set and larger than the next hop's MTU: ICMP fragmentation needed */
  | 'frag-needed'
  /** larger than the receiving device's MTU (is_skb_forwardable) */
  | 'too-big'
  /** ARP (or an IPv6 NS) kept back by a VXLAN device with `proxy` (sim/vxlan-proxy.ts) */
  | 'vxlan-proxy';

export type StepKind = 'send' | 'route' | 'neigh' | 'arp' | 'ndisc' | 'xmit' | 'rx' | 'bridge' | 'fdb' | 'input' | 'forward' | 'deliver' | 'icmp' | 'socket' | 'netfilter' | 'drop';

/**
 * What a netfilter step was about: the hook, the table and chain, the rule that matched (its
 * number as `iptables -L --line-numbers` counts, 0 and null for the chain's policy), and the
 * conntrack entry or NAT binding it involved. Data only: explain words it (iptables -S text).
 */
export interface NfTraceInfo {
  hook: 'prerouting' | 'input' | 'forward' | 'output' | 'postrouting';
  table?: NfTable;
  chain?: NfChain;
  rulenum?: number;
  rule?: NfRule | null;
  /** what happened: a rule or policy's verdict, a conntrack state, a NAT rewrite */
  what: 'rule' | 'policy' | 'conntrack' | 'nat';
}

export interface TraceStep {
  /** virtual time, µs */
  t: number;
  /** namespace path (`host` or `host/NS`) */
  ns: string;
  kind: StepKind;
  detail: string;
  reason?: DropReason;
  /** for netfilter steps: where in the rules it happened */
  nf?: NfTraceInfo;
  /** for a frame crossing a link or dropped at a device: its headers then (sim/frame-headers.ts) */
  headers?: HeaderLayer[];
}

/** Collects steps; attach one to a Simulator to record a run. */
export class Tracer {
  readonly steps: TraceStep[] = [];

  step(t: number, ns: string, kind: StepKind, detail: string, reason?: DropReason, nf?: NfTraceInfo, headers?: HeaderLayer[]): void {
    const s: TraceStep = reason ? { t, ns, kind, detail, reason } : { t, ns, kind, detail };
    if (nf) s.nf = nf;
    if (headers) s.headers = headers;
    this.steps.push(s);
  }
}
