/**
 * Shared shapes of the iproute2 front end: the result of one command line, and iproute2's
 * global options.
 */
import type { Netns } from '../model/netns.js';
import type { FdbEntry, Link } from '../model/link.js';

/**
 * What one command printed and its exit status, as on Linux.
 *
 * @example
 * new Lab().host('h').ns().render('ip -br link show lo');
 * // { exit: 0, stdout: 'lo               UNKNOWN        00:00:00:00:00:00 <LOOPBACK,UP,LOWER_UP> \n', stderr: '' }
 */
export interface CommandResult {
  exit: number;
  stdout: string;
  stderr: string;
  /** set when the command (or one of its options) is outside what the model covers: the
   * caller reports it as unsupported instead of trusting the result */
  unsupported?: boolean;
}

/** iproute2's global options (`ip -j -br -d -4 -n NS ...`). */
export interface IpGlobals {
  json: boolean;
  pretty: boolean;
  brief: boolean;
  details: number;
  oneline: boolean;
  stats: number;
  family: 'inet' | 'inet6' | 'link' | null;
  /** `-all`/`--all` with netns exec */
  all: boolean;
  color: boolean;
  /** -n NS: the namespace the command runs in (already resolved) */
  netns: string | null;
}

export function defaultGlobals(): IpGlobals {
  return { json: false, pretty: false, brief: false, details: 0, oneline: false, stats: 0, family: null, all: false, color: false, netns: null };
}

/** The namespace a command runs in. */
export interface CmdContext {
  ns: Netns;
  /** what the command reads on stdin (a here-document, a pipe), if anything: `ip -batch -` */
  stdin?: string;
  /**
   * The neighbour entries the running system learnt (ARP), per namespace: the simulator's
   * tables when a script runs in it. Entries added with `ip neigh add` live in the model.
   */
  neighbours?: (ns: Netns) => Iterable<DynamicNeighbour>;
  /** the running system's clock in µs (the simulator's virtual time): what cached routes' expiry counts against */
  nowUs?: () => number;
  /** whether background processes of the lab run in a namespace (`ip netns pids`) */
  processesIn?: (ns: Netns) => boolean;
  /** the entries a bridge learned (the simulator's), alive now */
  learnedFdb?: (br: Link) => LearnedFdbEntry[];
  /** a device's packet counters as the kernel reports them, or null where the simulator keeps none */
  linkStats?: (dev: Link) => LinkCounters | null;
  /** the entries a VXLAN device learned (the simulator's), alive now, with their creation order */
  vxlanLearned?: (dev: Link) => { mac: string; dst: number | bigint; seq: number }[];
}

/** The counters of rtnl_link_stats64 the simulator keeps (the others are 0 on its paths). */
export interface LinkCounters {
  rxPackets: number;
  rxBytes: number;
  txPackets: number;
  txBytes: number;
  /** why the kernel's counts cannot be foretold (then they are not shown: not modelled) */
  unpredictable?: string;
}

/** A learned bridge FDB entry, as `bridge fdb show` lists it. */
export interface LearnedFdbEntry {
  mac: string;
  port: Link;
  /** when it was made, in lab versions (model entries made at version V carry V; learned ones after it V + 0.5) */
  seq: number;
  /** order of making among learned entries of one bridge */
  serial: number;
  /** a `master static` entry (the model's) that learning moved to `port` */
  moved?: FdbEntry;
}

/** A learnt neighbour entry, as `ip neigh` shows it. */
export interface DynamicNeighbour {
  dev: Link;
  /** an IPv4 number or an IPv6 bigint */
  ip: number | bigint;
  /** NTF_ROUTER (IPv6) */
  router?: boolean;
  lladdr: string | null;
  state: string;
  /** what `ip -s neigh` shows (nda_cacheinfo, NDA_PROBES): ages in µs since use, confirmation and update, and the probe count */
  cache?: { usedUs: number; confirmedUs: number; updatedUs: number; probes: number };
}

export function ok(stdout = ''): CommandResult {
  return { exit: 0, stdout, stderr: '' };
}

export function fail(stderr: string, exit: number, stdout = ''): CommandResult {
  return { exit, stdout, stderr };
}

/** A command the model does not cover: exit 127 and a `nettwin: unsupported:` line. */
export function unsupported(what: string): CommandResult {
  return { exit: 127, stdout: '', stderr: `nettwin: unsupported: ${what}\n`, unsupported: true };
}
