/**
 * The plain-data form of a generated lab: an ordered list of steps, each one command of an
 * iproute2 script. Arbitraries produce it, `toScript` renders it, shrinkers delete steps from it.
 * Every step list is a runnable script, whatever was deleted: a step whose device or namespace
 * is gone simply fails the way the kernel makes it fail.
 */

/** Where a command runs: a namespace made with `ip netns add`, or `null` for the host's own. */
export type Where = string | null;

/** `ip netns add NAME` */
export interface NetnsAddStep {
  kind: 'netns-add';
  name: string;
}

/** `ip link add NAME type veth peer name PEER [netns PEER_IN]` */
export interface VethAddStep {
  kind: 'veth-add';
  in: Where;
  name: string;
  peer: string;
  /** set to create the peer directly in another namespace (`peer name P netns NS`) */
  peerIn?: string;
}

/** `ip link add NAME type bridge` */
export interface BridgeAddStep {
  kind: 'bridge-add';
  in: Where;
  name: string;
}

/** `ip link add NAME link LOWER type macvlan mode MODE` */
export interface MacvlanAddStep {
  kind: 'macvlan-add';
  in: Where;
  name: string;
  link: string;
  mode: 'bridge' | 'private' | 'vepa';
}

/** `ip link set DEV netns TO`: the device loses its addresses and goes down. */
export interface LinkMoveStep {
  kind: 'link-move';
  in: Where;
  dev: string;
  to: string;
}

/** `ip link set DEV master BRIDGE` */
export interface LinkMasterStep {
  kind: 'link-master';
  in: Where;
  dev: string;
  master: string;
}

/** `ip link set DEV up|down` (`lo` included) */
export interface LinkStateStep {
  kind: 'link-state';
  in: Where;
  dev: string;
  up: boolean;
}

/** `ip addr add ADDRESS dev DEV`; `address` is the text as written, typos included. */
export interface AddrAddStep {
  kind: 'addr-add';
  in: Where;
  dev: string;
  address: string;
  /** IPv6: skip duplicate address detection */
  nodad?: boolean;
}

/** `ip route add DST [via GW] [dev DEV] [metric M] [onlink]`; `dst` may be `default`. */
export interface RouteAddStep {
  kind: 'route-add';
  in: Where;
  dst: string;
  via?: string;
  dev?: string;
  metric?: number;
  onlink?: boolean;
}

/** `sysctl -w KEY=VALUE` in the namespace (`net.ipv4.ip_forward` for routers). */
export interface SysctlStep {
  kind: 'sysctl';
  in: Where;
  key: string;
  value: string;
}

/** `ping -c 1 -W 1 TO` from the namespace. */
export interface PingStep {
  kind: 'ping';
  in: Where;
  to: string;
}

/** `ip [-j] route|addr|link show`: read-back of state, for labs that compare output too. */
export interface ShowStep {
  kind: 'show';
  in: Where;
  object: 'route' | 'addr' | 'link';
  json: boolean;
}

/** `iptables ARGS…` in the namespace: a rule, a policy, or a listing (arb-netfilter.ts). */
export interface IptablesStep {
  kind: 'iptables';
  in: Where;
  args: string[];
}

/** One step of a LabDescription: one iproute2, sysctl, iptables or ping line of its script. */
export type LabStep =
  | NetnsAddStep
  | VethAddStep
  | BridgeAddStep
  | MacvlanAddStep
  | LinkMoveStep
  | LinkMasterStep
  | LinkStateStep
  | AddrAddStep
  | RouteAddStep
  | SysctlStep
  | PingStep
  | ShowStep
  | IptablesStep;

/** How commands address a namespace: `ip -n NS …` or `ip netns exec NS ip …`. */
export type NetnsStyle = 'dash-n' | 'netns-exec';

/**
 * A lab as plain data: JSON-serialisable, comparable with `toEqual`, rendered by `toScript`.
 *
 * @example
 * const lab: LabDescription = { steps: [
 *   { kind: 'netns-add', name: 'red' },
 *   { kind: 'ping', in: 'red', to: '127.0.0.1' },
 * ] };
 */
export interface LabDescription {
  steps: LabStep[];
  /** default `dash-n` */
  style?: NetnsStyle;
  /** one line for the script's header comment, e.g. where the lab came from */
  title?: string;
}

/** The namespaces the lab creates, in order. */
export function labNamespaces(lab: LabDescription): string[] {
  return lab.steps.filter((s): s is NetnsAddStep => s.kind === 'netns-add').map((s) => s.name);
}

/** The lab's pings, in order. */
export function labPings(lab: LabDescription): PingStep[] {
  return lab.steps.filter((s): s is PingStep => s.kind === 'ping');
}

/** A namespace for messages: its name, or `host` for the host's own. */
export function whereName(w: Where): string {
  return w ?? 'host';
}
