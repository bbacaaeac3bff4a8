/**
 * `ethtool` of ethtool 6.1 (Debian 12), over the kernel's ethtool netlink: `ethtool DEV`
 * (settings, settings.ts), `-i` (driver-info.ts), `-k` and `-K` (features.ts), with its words
 * for a device that does not exist. Every other option (statistics, rings, pause, coalescing,
 * `-s`, …) and the kinds the model does not know are reported as not modelled.
 */
import type { Link } from '../../model/link.js';
import { featureKind, featuresKnown, featuresUntouched, netdevFeatures } from '../../model/netdev-features.js';
import { bridgePorts } from '../../model/link.js';
import { unsupported, type CmdContext, type CommandResult } from '../../iproute2/types.js';
import { driverInfo } from './driver-info.js';
import { changeFeatures, featuresText, parseFeatureWords } from './features.js';
import { settingsText } from './settings.js';

const BAD_ARGS = 'ethtool: bad command line argument(s)\nFor more information run ethtool -h\n';
/** the kernel's answer to a request for a device that does not exist (ethnl_parse_header_dev_get) */
const NO_DEVICE = 'netlink error: no device matches name (offset 24)\nnetlink error: No such device\n';

type Mode = 'settings' | 'driver' | 'show-features' | 'features';
const MODES: Readonly<Record<string, Mode>> = {
  '-i': 'driver',
  '--driver': 'driver',
  '-k': 'show-features',
  '--show-features': 'show-features',
  '--show-offload': 'show-features',
  '-K': 'features',
  '--features': 'features',
  '--offload': 'features',
};

/** The features `-k` may show for the device: a bridge with ports and a macvlan over a changed or unknown lower follow devices the model does not follow. */
function knownFeatures(l: Link): ReturnType<typeof netdevFeatures> | string {
  const release = l.ns.host.lab.kernel.release;
  if (!featuresKnown(release)) return `ethtool features on kernel ${release} (the model knows 6.18's)`;
  const f = netdevFeatures(l);
  if (f === null) return `ethtool features of a ${l.kind} device`;
  if (l.kind === 'bridge' && bridgePorts(l).length > 0) return "ethtool features of a bridge with ports (they follow its ports')";
  if (l.kind === 'macvlan') {
    const lower = l.macvlan?.lower;
    if (!lower || featureKind(lower.kind) !== 'veth' || !featuresUntouched(lower)) return "ethtool features of a macvlan (they follow its lower device's)";
  }
  return f;
}

/**
 * Runs `ethtool ARGV` in the namespace.
 *
 * @example
 * runEthtool(ctx, ['-K', 'eth0', 'tx', 'off']); // eth0's checksum offloads off, and TSO with them
 */
export function runEthtool(ctx: CmdContext, argv: string[]): CommandResult {
  if (argv.length === 0) return { exit: 1, stdout: '', stderr: BAD_ARGS };
  if (argv[0] === '--version') return { exit: 0, stdout: 'ethtool version 6.1\n', stderr: '' };
  let mode: Mode = 'settings';
  let rest = argv;
  if (argv[0]!.startsWith('-')) {
    const m = MODES[argv[0]!];
    if (m === undefined) return unsupported(`ethtool ${argv[0]}`);
    mode = m;
    rest = argv.slice(1);
  }
  const [dev, ...args] = rest;
  if (dev === undefined) return { exit: 1, stdout: '', stderr: BAD_ARGS };
  if (dev.length > 15 || dev.includes('/')) return unsupported('ethtool device name longer than 15 bytes');
  if ((mode === 'settings' || mode === 'driver') && args.length > 0) return unsupported(`ethtool ${mode === 'driver' ? '-i ' : ''}with more arguments`);
  if (mode === 'show-features' && args.length > 0) return { exit: 1, stdout: '', stderr: `ethtool: unexpected parameter '${args[0]}'\n` };
  const req = mode === 'features' ? parseFeatureWords(args) : null;
  if (req?.kind === 'error') return { exit: 1, stdout: '', stderr: req.stderr };
  const l = ctx.ns.linkByName(dev);
  if (!l) {
    switch (mode) {
      case 'settings':
        // nl_gset: linkmodes, linkinfo, wol, debug and linkstate each fail, then the ioctls
        return { exit: 75, stdout: 'No data available\n', stderr: NO_DEVICE.repeat(5) };
      case 'driver':
        return { exit: 71, stdout: '', stderr: 'Cannot get driver information: No such device\n' };
      case 'show-features':
        return { exit: 1, stdout: '', stderr: NO_DEVICE };
      case 'features':
        return { exit: 92, stdout: '', stderr: NO_DEVICE };
    }
  }
  switch (mode) {
    case 'settings': {
      const text = settingsText(l);
      return text === null ? unsupported(`ethtool settings of a ${l.kind} device`) : { exit: 0, stdout: text, stderr: '' };
    }
    case 'driver':
      return driverInfo(l) ?? unsupported(`ethtool -i of a ${l.kind} device`);
    case 'show-features': {
      const f = knownFeatures(l);
      return typeof f === 'string' ? unsupported(f) : { exit: 0, stdout: featuresText(l, f!), stderr: '' };
    }
    case 'features': {
      if (l.kind === 'bridge' || l.kind === 'macvlan') return unsupported(`ethtool -K on a ${l.kind} (its features follow the devices under it)`);
      const f = knownFeatures(l);
      if (typeof f === 'string') return unsupported(f);
      return changeFeatures(l, req!.kind === 'bits' ? req!.bits : []);
    }
  }
}
