/**
 * The `Lab` facade: a model of one or more hosts, scripts run against it, typed builders that
 * produce the same Ops, and the simulator's questions (ping, explain, reachability).
 *
 * @example
 * const lab = new Lab();
 * const steps = lab.host('node1').sh('ip netns add NS1\nip netns list');
 * steps[1].stdout; // "NS1\n"
 */
import type { LabModel, LabModelOptions } from './model/lab-model.js';
import type { Host } from './model/host.js';
import type { Netns } from './model/netns.js';
import { apply } from './ops/apply.js';
import type { Op } from './ops/op.js';
import * as build from './ops/build.js';
import { Twin } from './twin/twin.js';
import type { Step } from './exec/step.js';
import type { Simulator } from '../sim/simulator.js';
import { runIp } from './iproute2/ip.js';
import type { CommandResult } from './iproute2/types.js';
import { parseIp4, type Ip4 } from './model/ip.js';
import { ping, type PingOptions } from '../sim/ping.js';
import { pingReport, type PingReport } from './programs/ping/words.js';
import { explain, type ExplainResult } from './twin/explain.js';
import { explain6 } from './twin/explain6.js';
import { parseIp6, type Ip6 } from './model/ipv6/ip6.js';
import { reachability, reachability6, type Reachability, type Reachability6, type ReachOptions } from '../sim/reach/index.js';
import { isReachable6Dest } from '../sim/reach/v6/context6.js';
import { probePort, type L4Proto, type PortProbe } from '../sim/reach/l4.js';
import { settleDad } from '../sim/ipv6/dad-settle.js';
import { traceroute, type TracerouteResult } from './twin/traceroute.js';
import { captureDevice, type DeviceCapture } from '../sim/pcap/capture.js';
import { verifyLab, type VerifyReport } from './verify/verify.js';
import { k8sTwin, type K8sLabOptions } from './presets/k8s.js';

export type { Step } from './exec/step.js';

/**
 * A lab: hosts in one model, with one simulator shared by all their scripts.
 *
 * @example
 * const lab = new Lab();
 * lab.host('node1').sh('ip netns add NS1\nip netns list')[1].stdout; // "NS1\n"
 */
export class Lab {
  /** the model, simulator and script runner this facade wraps (what lab files, presets and the adapter build on) */
  readonly twin: Twin;

  constructor(opts: LabModelOptions | Twin = {}) {
    this.twin = opts instanceof Twin ? opts : new Twin(opts);
  }

  /** The lab's model: hosts, namespaces, links, addresses, routes, sysctls. */
  get model(): LabModel {
    return this.twin.model;
  }

  /** The simulator of this lab (neighbour caches, FDBs and the clock persist across calls). */
  get sim(): Simulator {
    return this.twin.sim;
  }

  /** A host by name, created on first use with `lo` up, as a machine boots. */
  host(name = 'host'): HostHandle {
    return new HostHandle(this, this.twin.host(name));
  }

  /**
   * Captures a device's simulated traffic from now on, as `tcpdump -i DEV -w FILE` in its
   * namespace would (Ethernet frames with real headers and checksums, virtual timestamps).
   *
   * @example
   * const cap = lab.capture('node1/NS1:veth11');
   * lab.host('node1').sh('ip netns exec NS1 ping -c 1 172.16.0.3');
   * writeFileSync('veth11.pcap', cap.pcap()); // `tcpdump -r veth11.pcap` reads it
   */
  capture(iface: string): DeviceCapture {
    return captureDevice(this.sim, iface);
  }

  /**
   * Checks intents against the lab as it is now, as a lab file's `expect` section states them;
   * bad entries come back as `problems` (with their position, from 1), never as exceptions.
   *
   * @example
   * const r = lab.verify([{ reach: { from: 'node1/NS1', to: '172.16.1.2' } }, { 'no-loops': {} }]);
   * r.holds;                                  // true when every intent holds
   * r.verdicts[0].summary;                    // 'ping 172.16.1.2 from node1/NS1: reply from …'
   */
  verify(intents: readonly unknown[]): VerifyReport {
    return verifyLab(this.twin, intents);
  }

  /** A namespace by path (`host` or `host/NS`). */
  ns(path: string): NsHandle {
    const ns = this.model.netns(path);
    if (!ns) throw new Error(`Lab.ns: no namespace "${path}"`);
    return new NsHandle(ns);
  }

  private where(fn: string, fromPath: string, dst: string | Ip4): { ns: Netns; dst: Ip4 } {
    const ns = this.model.netns(fromPath);
    if (!ns) throw new Error(`Lab.${fn}: no namespace "${fromPath}"`);
    const a = typeof dst === 'number' ? dst : parseIp4(dst);
    if (a === null) throw new Error(`Lab.${fn}: "${String(dst)}" is not an IPv4 address`);
    return { ns, dst: a };
  }

  /**
   * `ping` from a namespace on this lab's simulator (its neighbour caches and clock carry on,
   * as they would between commands of a script). Default: one probe, ping's 10 s wait.
   *
   * @example
   * k8sLab({ nodes: 2, podsPerNode: 1 }).ping('node1/pod1', '10.244.2.2').received; // 1
   */
  ping(fromPath: string, dst: string | Ip4, opts: PingOptions = {}): PingReport {
    const w = this.where('ping', fromPath, dst);
    return pingReport(ping(this.sim, w.ns, w.dst, { count: 1, ...opts }));
  }

  /**
   * Why a ping works or not, hop by hop (on a copy of the simulator: nothing here changes).
   * An IPv6 destination (text or bigint) explains `ping -6 -c 1` (`opts` are IPv4 ping's).
   *
   * @example
   * console.log(formatExplain(lab.explain('node1/NS1', '172.16.0.3')));
   * lab.explain('h/A', '2001:db8:2::1').disposition; // 'reply'
   */
  explain(fromPath: string, dst: string | Ip4 | Ip6, opts: PingOptions = {}): ExplainResult {
    if (typeof dst === 'bigint' || (typeof dst === 'string' && dst.includes(':'))) {
      const ns = this.model.netns(fromPath);
      if (!ns) throw new Error(`Lab.explain: no namespace "${fromPath}"`);
      const a = typeof dst === 'bigint' ? dst : parseIp6(dst);
      if (a === null) throw new Error(`Lab.explain: "${String(dst)}" is not an IPv6 address`);
      return explain6(this.sim, ns, a);
    }
    const w = this.where('explain', fromPath, dst);
    return explain(this.sim, w.ns, w.dst, opts);
  }

  /**
   * `traceroute -I -q 1` from a fresh state: the address answering at each TTL.
   *
   * @example
   * lab.traceroute('node1/pod1', '10.244.2.2').hops.map((h) => h.from); // ['10.244.1.1', '192.168.1.2', '10.244.2.2']
   */
  traceroute(fromPath: string, dst: string | Ip4, maxHops = 30): TracerouteResult {
    const w = this.where('traceroute', fromPath, dst);
    return traceroute(this.model, w.ns, w.dst, maxHops);
  }

  /**
   * All-pairs reachability (`ping -c 1 -W 1` from a fresh state, every namespace to every
   * configured address), kept in step with later changes to the lab.
   *
   * @example
   * const r = lab.reach();
   * r.reachableCount === r.sources.length * r.destinations.length; // everything answers
   */
  reach(opts: ReachOptions = {}): Reachability {
    return reachability(this.model, opts);
  }

  /**
   * A service port from a namespace, as `nc -z -w 1` (TCP), `nc -u` (UDP) or `ping -c 1 -W 1`
   * would meet it from a fresh state: open, refused, unreachable or filtered, and the socket
   * that answered (after any DNAT).
   *
   * @example
   * lab.reachPort('host/c', '192.168.5.1', 'tcp', 80).answer; // 'open'
   */
  reachPort(fromPath: string, dst: string | Ip4, proto: L4Proto, port: number, opts: { wait?: number } = {}): PortProbe {
    const w = this.where('reachPort', fromPath, dst);
    return probePort(this.model, w.ns, w.dst, proto, port, opts);
  }

  /**
   * All-pairs reachability to IPv6 destinations (`ping -6 -c 1 -W 1` from a fresh state, every
   * namespace to every global address of an interface), once DAD is over on the lab's clock,
   * as a `ping -6` line waits for it.
   *
   * @example
   * const r = lab.reach6();
   * r.destinations.map((d) => d.addr); // the lab's global IPv6 addresses
   */
  reach6(opts: ReachOptions = {}): Reachability6 {
    // waiting for DAD only matters to destinations: a lab without an address to reach (an IPv4
    // lab asked for all families) has nothing for it to settle
    const namespaces = this.model.namespaces();
    if (namespaces.some((ns) => ns.linkList().some((l) => l.inet6.addrs.some((a) => isReachable6Dest(a.addr))))) settleDad(this.sim, namespaces);
    return reachability6(this.model, opts);
  }
}

/**
 * One host of a lab: run scripts or single commands on it, or reach its namespaces.
 *
 * @example
 * const node = new Lab().host('node1');
 * node.exec('ip link add br0 type bridge').exit; // 0
 * node.ns().render('ip -br link show br0').stdout;
 */
export class HostHandle {
  constructor(
    readonly lab: Lab,
    readonly host: Host,
  ) {}

  get name(): string {
    return this.host.name;
  }

  /** Runs a shell script on this host, one Step per command, as `nettwin run --json` reports. */
  sh(script: string, opts: { file?: string; env?: Record<string, string>; readSource?: (name: string) => { text: string } | { error: string } } = {}): Step[] {
    return this.lab.twin.run(this.host, script, { file: opts.file ?? '<script>', env: opts.env, readSource: opts.readSource });
  }

  /** Runs one command line (no shell constructs beyond words and quotes). */
  exec(commandLine: string): Step {
    const steps = this.sh(commandLine, { file: '<exec>' });
    return steps[steps.length - 1];
  }

  /** The root namespace, or a named one. */
  ns(name?: string): NsHandle {
    const ns = name === undefined ? this.host.root : this.host.namespaces.get(name);
    if (!ns) throw new Error(`HostHandle.ns: no namespace "${name}" on host "${this.host.name}"`);
    return new NsHandle(ns);
  }
}

/**
 * Typed access to one namespace: Ops in, iproute2 renderings out.
 *
 * @example
 * new Lab().host('h').ns().addBridge('br0').setUp('br0').addAddress('br0', '10.1.0.1/24')
 *   .render('ip route').stdout; // "10.1.0.0/24 dev br0 proto kernel scope link src 10.1.0.1 \n"
 */
export class NsHandle {
  constructor(readonly ns: Netns) {}

  /** Applies an Op here; throws OpError with iproute2's message if the kernel would refuse. */
  apply(op: Op): this {
    apply({ ns: this.ns }, op);
    return this;
  }

  /** `ip link add NAME type veth peer name PEER [netns NS]` */
  addVeth(name: string, peer: string, opts: { peerNetns?: string } = {}): this {
    return this.apply(build.veth(name, peer, opts.peerNetns ?? null));
  }

  /** `ip link add NAME type bridge` */
  addBridge(name: string): this {
    return this.apply(build.bridge(name));
  }

  /** `ip link set DEV up` (or down) */
  setUp(dev: string, up = true): this {
    return this.apply(build.linkSet(dev, { up }));
  }

  /** `ip link set DEV master BR` */
  setMaster(dev: string, master: string): this {
    return this.apply(build.linkSet(dev, { master }));
  }

  /** `ip link set DEV netns NS` */
  moveTo(dev: string, netns: string): this {
    return this.apply(build.linkSet(dev, { netns }));
  }

  /** `ip addr add A/P dev DEV` */
  addAddress(dev: string, cidr: string): this {
    return this.apply(build.addr(dev, cidr));
  }

  /** `ip route add DST [via GW] [dev DEV]` */
  addRoute(dst: string, opts: { via?: string; dev?: string; metric?: number; table?: number; onlink?: boolean } = {}): this {
    return this.apply(build.route(dst, opts));
  }

  /** `sysctl -w KEY=VALUE` */
  sysctl(key: string, value: string | number): this {
    return this.apply({ op: 'sysctl.set', key, value: String(value) });
  }

  /** Runs an `ip …` command line here and returns what it prints, e.g. `render('ip -j route')`. */
  render(commandLine: string): CommandResult {
    const argv = commandLine.trim().split(/\s+/);
    if (argv[0] !== 'ip') throw new Error(`NsHandle.render: only "ip …" command lines, got "${commandLine}"`);
    return runIp({ ns: this.ns }, argv.slice(1));
  }
}

/**
 * A cluster of `nodes` nodes with `podsPerNode` pods each, as the seed builds it by hand, wired
 * by the chosen backend (`host-gw`, `vxlan` or `udp`; see src/presets/k8s.ts).
 *
 * @example
 * const lab = k8sLab({ nodes: 2, podsPerNode: 1, backend: 'udp' });
 * lab.ping('node1/pod1', '10.244.2.2').received; // 1
 */
export function k8sLab(opts: K8sLabOptions): Lab {
  return new Lab(k8sTwin(opts));
}
