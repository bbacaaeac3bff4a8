import type { Addr } from './address.js';
import type { Netns } from './netns.js';
import type { IfConf } from './sysctl.js';
import type { Ip4 } from './ip.js';

/** Link kinds the model knows. `ether` is a physical NIC of a lab host. */
export type LinkKind = 'loopback' | 'veth' | 'bridge' | 'ether' | 'tun' | 'tap' | 'vxlan';

export interface BridgeInfo {
  stp: number;
  /** centiseconds, as the kernel keeps it (300 s default) */
  ageingTime: number;
  vlanFiltering: number;
  forwardDelay: number;
  /** a bridge that has had a port follows its ports' carrier from then on */
  hadPorts: boolean;
  /** true once a MAC was set by the user: the bridge no longer takes its ports' lowest MAC */
  macSet: boolean;
}

export interface TunInfo {
  mode: 'tun' | 'tap';
  pi: boolean;
  /** a process holds the device open: the kernel gives it carrier */
  attached: boolean;
  /** owner: the model's handle of the process (socat) that holds it, if any */
  owner: string | null;
  persist: boolean;
}

export interface VxlanInfo {
  id: number;
  dstport: number;
  local: Ip4 | null;
  remote: Ip4 | null;
  group: Ip4 | null;
  dev: string | null;
  learning: boolean;
  ttl: number;
  srcportMin: number;
  srcportMax: number;
}

export interface Link {
  ns: Netns;
  ifindex: number;
  name: string;
  kind: LinkKind;
  /** IFF_UP, what `ip link set up` sets */
  up: boolean;
  /** the device has been opened once: its qdisc is no longer `noop` */
  everUp: boolean;
  mtu: number;
  mac: string;
  brd: string;
  txqlen: number;
  master: Link | null;
  /** the other end of a veth (possibly in another namespace) */
  peer: Link | null;
  addrs: Addr[];
  conf: IfConf;
  bridge?: BridgeInfo;
  tun?: TunInfo;
  vxlan?: VxlanInfo;
  /** physical NIC: the cable's far end (a NIC of another host), if any */
  cable?: Link | null;
  /** POINTOPOINT/NOARP for tun */
  pointopoint: boolean;
  noarp: boolean;
  /** static forwarding entries (`bridge fdb add|append`), e.g. VXLAN remotes */
  fdb: FdbEntry[];
}

export interface FdbEntry {
  mac: string;
  dst: Ip4 | null;
  permanent: boolean;
}

export function isBridgePort(l: Link): boolean {
  return l.master !== null && l.master.kind === 'bridge';
}

/** The ports of a bridge, in ifindex order. */
export function bridgePorts(br: Link): Link[] {
  return br.ns.linkList().filter((l) => l.master === br);
}

/** IFF_RUNNING / LOWER_UP: whether the device has carrier. */
export function hasCarrier(l: Link): boolean {
  if (!l.up) return false;
  switch (l.kind) {
    case 'loopback':
      return true;
    case 'veth':
      return l.peer !== null && l.peer.up;
    case 'ether':
      return l.cable ? l.cable.up : true;
    case 'bridge': {
      if (!l.bridge!.hadPorts) return true;
      return bridgePorts(l).some((p) => portForwards(p));
    }
    case 'tun':
    case 'tap':
      return l.tun!.attached;
    case 'vxlan':
      return true;
  }
}

/** A bridge port forwards once it has carrier (STP off: no listening/learning delay). */
export function portForwards(p: Link): boolean {
  return p.up && hasCarrier(p);
}

export type OperState = 'UP' | 'DOWN' | 'UNKNOWN' | 'LOWERLAYERDOWN';

export function operState(l: Link): OperState {
  if (!l.up) return 'DOWN';
  switch (l.kind) {
    case 'loopback':
      return 'UNKNOWN';
    case 'veth':
    case 'ether':
      if (hasCarrier(l)) return 'UP';
      return l.kind === 'veth' ? 'LOWERLAYERDOWN' : 'DOWN';
    case 'bridge':
      if (!l.bridge!.hadPorts) return 'UNKNOWN';
      return hasCarrier(l) ? 'UP' : 'DOWN';
    case 'tun':
    case 'tap':
      return hasCarrier(l) ? 'UNKNOWN' : 'DOWN';
    case 'vxlan':
      return 'UNKNOWN';
  }
}

/** A bridge whose MAC the user never set takes its ports' lowest (br_stp_recalculate_bridge_id). */
export function recalcBridgeMac(br: Link): void {
  if (br.bridge!.macSet) return;
  const ports = bridgePorts(br);
  if (ports.length === 0) return;
  let min = ports[0].mac;
  for (const p of ports) if (p.mac < min) min = p.mac;
  br.mac = min;
}
