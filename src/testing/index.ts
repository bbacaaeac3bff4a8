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

/**
 * Every arbitrary, by family.
 *
 * @example fc.sample(arbitraries.lab({ maxNamespaces: 4 }), 1)
 */
export const arbitraries = {
  // addresses and prefixes
  privateIpv4: address.privateIpv4,
  prefixLength: address.prefixLength,
  subnet: address.subnet,
  overlappingSubnets: address.overlappingSubnets,
  interfaceAddress: address.interfaceAddress,
  hostPick: address.hostPick,
  subnetSpec: address.subnetSpec,
  // names
  namespaceName: names.namespaceName,
  namespaceList: names.namespaceList,
  // topology: veth pairs, bridges with ports, macvlans on a lower device, whole shapes
  vethPair: topologyArbs.vethPair,
  bridgeWithPorts: topologyArbs.bridgeWithPorts,
  macvlanSegment: topologyArbs.macvlanSegment,
  segment: topologyArbs.segment,
  topology: topologyArbs.topology,
  // routes
  route: routeArbs.route,
  routeDst: routeArbs.routeDst,
  routeGw: routeArbs.routeGw,
  routingMode: routeArbs.routingMode,
  // link states, lo, forwarding, moves, mistakes
  fault: faultArbs.fault,
  linkDown: faultArbs.linkDown,
  loDown: faultArbs.loDown,
  forwarding: faultArbs.forwarding,
  move: faultArbs.move,
  // pings
  ping: pingArbs.ping,
  pingTarget: pingArbs.pingTarget,
  // whole labs
  labPlan: labArbs.labPlan,
  lab: labArbs.lab,
  labArbitrary: labArbs.labArbitrary,
  k8sShape: k8s.k8sShape,
  k8sCluster: k8s.k8sCluster,
  routeTablePlan: tables.routeTablePlan,
  routeTables: tables.routeTables,
} as const;

export type { Subnet, HostPick, SubnetSpec } from './arb-address.js';
export type { NameTheme } from './arb-names.js';
export type { SegmentSpec, TopologySpec, TopologyShape, TopologyOptions, VethMake } from './arb-topology.js';
export type { RouteSpec, RouteDst, RouteGw, RoutingMode } from './arb-route.js';
export type { FaultSpec } from './arb-fault.js';
export type { PingSpec, PingTarget } from './arb-ping.js';
export type { LabOptions } from './arb-lab.js';
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
} from './lab-description.js';
export { labNamespaces, labPings, whereName } from './lab-description.js';
export { buildLab, type LabPlan } from './build-lab.js';
export { k8sClusterLab, k8sPods } from './arb-k8s.js';
export { routeTableLab } from './arb-route-table.js';
export { printable } from './arb-lab.js';
export { toScript, stepToCommand, PING_ARGS } from './to-script.js';
export { simulate, type LabRun, type PingOutcome } from './simulate.js';
export { stepRemovals, minimizeLab, type MinimizeOptions, type Minimized } from './shrink-steps.js';
export { sampleLabs } from './sample.js';
