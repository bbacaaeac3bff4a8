/**
 * nettwin/testing: fast-check arbitraries for labs, and what a property needs around them.
 *
 * Arbitraries produce `LabDescription`s (plain data: a list of steps in a valid order);
 * `toScript` renders one as an iproute2 script that runs unchanged in `nettwin run` and on a
 * real kernel; `simulate` runs one in the simulator. Failing properties shrink to short labs
 * and print them as scripts.
 *
 * @example
 * import fc from 'fast-check';
 * import { arbitraries, simulate } from 'nettwin/testing';
 *
 * fc.assert(fc.property(arbitraries.k8sCluster(), (lab) =>
 *   simulate(lab).pings.every((p) => p.answered)));
 *
 * @module nettwin/testing
 */
import * as address from './arb-address.js';
import * as names from './arb-names.js';
import * as topologyArbs from './arb-topology.js';
import * as routeArbs from './arb-route.js';
import * as faultArbs from './arb-fault.js';
import * as pingArbs from './arb-ping.js';
import * as labArbs from './arb-lab.js';
import * as k8s from './arb-k8s.js';
import * as tables from './arb-route-table.js';
import * as netfilter from './arb-netfilter.js';
import * as dualStack from './dual-stack.js';

/**
 * Every arbitrary, by family.
 *
 * @example fc.sample(arbitraries.lab({ maxNamespaces: 4 }), 1)
 */
export const arbitraries = {
  // addresses and prefixes
  /** an address of the private ranges (10/8, 172.16/12, 192.168/16) */
  privateIpv4: address.privateIpv4,
  /** a prefix length for an interface address */
  prefixLength: address.prefixLength,
  /** a subnet: network address and prefix length */
  subnet: address.subnet,
  /** two subnets that overlap (a mistake lint and the kernel catch) */
  overlappingSubnets: address.overlappingSubnets,
  /** an address with its prefix length for one interface */
  interfaceAddress: address.interfaceAddress,
  /** which host address of a subnet to take (first, last, middle, edge cases) */
  hostPick: address.hostPick,
  /** a subnet and the host addresses taken from it */
  subnetSpec: address.subnetSpec,
  // names
  /** a network namespace name the kernel accepts */
  namespaceName: names.namespaceName,
  /** several distinct namespace names */
  namespaceList: names.namespaceList,
  // topology: veth pairs, bridges with ports, macvlans on a lower device, whole shapes
  /** a veth pair between two namespaces */
  vethPair: topologyArbs.vethPair,
  /** a bridge in one namespace with veth ports to others */
  bridgeWithPorts: topologyArbs.bridgeWithPorts,
  /** macvlans on a lower device and its wire, moved into namespaces */
  macvlanSegment: topologyArbs.macvlanSegment,
  /** one L2 segment: a veth pair, a bridge with ports, or (opt-in) macvlans */
  segment: topologyArbs.segment,
  /** namespaces joined by segments */
  topology: topologyArbs.topology,
  // routes
  /** a route of one namespace */
  route: routeArbs.route,
  /** a route destination: default, a subnet of the lab, or another prefix */
  routeDst: routeArbs.routeDst,
  /** a gateway: on-link, off-link, or none (a device route) */
  routeGw: routeArbs.routeGw,
  /** how a lab gets its routes: connected only, default routes, static routes */
  routingMode: routeArbs.routingMode,
  // link states, lo, forwarding, moves, mistakes
  /** one deliberate mistake (a link down, lo down, forwarding off, a move) */
  fault: faultArbs.fault,
  /** an interface left down */
  linkDown: faultArbs.linkDown,
  /** a namespace whose lo is left down */
  loDown: faultArbs.loDown,
  /** ip_forward on or off in a namespace */
  forwarding: faultArbs.forwarding,
  /** an interface moved to another namespace after it was configured */
  move: faultArbs.move,
  // pings
  /** a ping from one namespace */
  ping: pingArbs.ping,
  /** what a ping aims at: an address of the lab, its own, or one nobody has */
  pingTarget: pingArbs.pingTarget,
  // whole labs
  /** the plan of a whole lab, before it is laid out as steps */
  labPlan: labArbs.labPlan,
  /** a whole random lab as a LabDescription (steps in a valid order) */
  lab: labArbs.lab,
  /** a whole random lab, with options */
  labArbitrary: labArbs.labArbitrary,
  /** a whole random lab with the IPv6 twin of every address, route, forwarding switch and ping (fd00::/96) */
  dualStackLab: dualStack.dualStackLab,
  /** the shape of a k8s-style cluster: nodes and pods per node */
  k8sShape: k8s.k8sShape,
  /** a k8s-style cluster lab: pods on bridges, routes between nodes */
  k8sCluster: k8s.k8sCluster,
  /** random route tables over a chain of routers */
  routeTablePlan: tables.routeTablePlan,
  /** a lab of random route tables (loops and blackholes included) */
  routeTables: tables.routeTables,
  // netfilter (labs draw them with the `rules` option)
  /** one iptables rule: lab addresses and interfaces, icmp, conntrack states, comments; verdicts, REJECT, LOG, NAT */
  iptablesRule: netfilter.iptablesRule,
  /** a filter chain's policy */
  chainPolicy: netfilter.chainPolicy,
  /** rules and policies in the order they are written */
  ruleset: netfilter.ruleset,
  /** what a rule does */
  ruleTarget: netfilter.ruleTarget,
  /** a rule's address test: a subnet or an interface address of the lab, maybe inverted */
  addrChoice: netfilter.addrChoice,
  /** a rule's interface test: exact or with a `+` wildcard, maybe inverted */
  ifaceChoice: netfilter.ifaceChoice,
} as const;

export type { Subnet, HostPick, SubnetSpec } from './arb-address.js';
export type { NameTheme } from './arb-names.js';
export type { SegmentSpec, TopologySpec, TopologyShape, TopologyOptions, VethMake } from './arb-topology.js';
export type { RouteSpec, RouteDst, RouteGw, RoutingMode } from './arb-route.js';
export type { FaultSpec } from './arb-fault.js';
export type { PingSpec, PingTarget } from './arb-ping.js';
export type { LabOptions } from './arb-lab.js';
export type { NfSpec, RuleSpec, PolicySpec, RuleTargetSpec, AddrChoice, IfaceChoice } from './arb-netfilter.js';
export type { K8sShape, K8sPod } from './arb-k8s.js';
export type { RouteTablePlan, NextHop } from './arb-route-table.js';
export type {
  LabDescription,
  LabStep,
  NetnsStyle,
  Where,
  NetnsAddStep,
  VethAddStep,
  BridgeAddStep,
  LinkMoveStep,
  LinkMasterStep,
  LinkStateStep,
  AddrAddStep,
  RouteAddStep,
  SysctlStep,
  PingStep,
  ShowStep,
  IptablesStep,
} from './lab-description.js';
export { labNamespaces, labPings, whereName } from './lab-description.js';
export { buildLab, type LabPlan } from './build-lab.js';
export { k8sClusterLab, k8sPods } from './arb-k8s.js';
export { routeTableLab } from './arb-route-table.js';
export { printable } from './arb-lab.js';
export { toScript, stepToCommand, PING_ARGS } from './to-script.js';
export { dualStack, twin6, DUAL_STACK_PREFIX } from './dual-stack.js';
export { simulate, type LabRun, type PingOutcome } from './simulate.js';
export { stepRemovals, minimizeLab, type MinimizeOptions, type Minimized } from './shrink-steps.js';
export { sampleLabs } from './sample.js';
