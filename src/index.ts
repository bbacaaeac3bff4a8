/**
 * nettwin: a digital twin of Linux host networking.
 *
 * @example
 * import { Lab } from 'nettwin';
 * const lab = new Lab();
 * const host = lab.host('node1');
 * host.sh(`
 *   ip netns add NS1
 *   ip link add veth0 type veth peer name veth1 netns NS1
 * `);
 * host.ns('NS1').render('ip -br link').stdout;
 *
 * @module nettwin
 */
export { Lab, HostHandle, NsHandle } from './lab.js';
export type { Step, PingSummary } from './exec/step.js';
export { LabModel, type LabModelOptions } from './model/lab-model.js';
export { PROFILES, type HostProfile, type IfConf } from './model/sysctl.js';
export { KERNEL_PROFILES, STOCK_PROFILE, type KernelProfile } from './model/kernel-profile.js';
export { coverageReport, type CoverageReport } from './exec/coverage.js';
export type { Host } from './model/host.js';
export type { Netns } from './model/netns.js';
export type { Link, LinkKind } from './model/link.js';
export type { Route, RouteType } from './model/route.js';
export type { Addr } from './model/address.js';
export { apply } from './ops/apply.js';
export type { Op } from './ops/op.js';
export * as ops from './ops/build.js';
export { OpError } from './ops/errors.js';
export { parseIp4, ip4ToString, parsePrefix } from './model/ip.js';
export type { CommandResult } from './iproute2/types.js';
export { verifyLab, type VerifyReport } from './verify/verify.js';
export { verifyLabSim } from './verify/verify-file.js';
export { loadLabFile, parseLab, type LoadLabOptions } from './labfile/load.js';
export { LabFileError, type LabSpec, type HostSpec, type NicSpec, type Endpoint, type RunEntry, type ScriptSource } from './labfile/spec.js';
export { resolveNsName, expandNsNames, type NsName, type NsNames } from './labfile/ns-names.js';
export type { Verdict } from './verify/check.js';
export { parseIntents, parseIntentValues, type Intent, type IntentProblem } from './verify/intents.js';
export { formatReport, reportJson } from './verify/format.js';
export { junitXml } from './verify/junit.js';
export { Capture, DeviceCapture, busTap, PcapWriter, readPcap, LINKTYPE, type FrameTap, type PcapFile } from '../sim/pcap/index.js';
export { k8sLab } from './lab.js';
export type { K8sLabOptions } from './presets/k8s.js';
