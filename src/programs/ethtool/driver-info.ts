/**
 * `ethtool -i DEV` (ETHTOOL_GDRVINFO): each driver's get_drvinfo. lo has none ("Operation not
 * supported"); a tun's bus-info says whether it is a tun or a tap.
 */
import type { Link } from '../../model/link.js';

interface DrvInfo {
  driver: string;
  version: string;
  fw: string;
  bus: string;
  stats: boolean;
}

function drvInfo(l: Link): DrvInfo | 'none' | null {
  switch (l.kind) {
    case 'loopback':
      return 'none';
    case 'veth':
    case 'ether':
      return { driver: 'veth', version: '1.0', fw: '', bus: '', stats: true };
    case 'bridge':
      return { driver: 'bridge', version: '2.3', fw: 'N/A', bus: 'N/A', stats: false };
    case 'tun':
    case 'tap':
      return { driver: 'tun', version: '1.6', fw: '', bus: l.kind, stats: false };
    case 'macvlan':
      return { driver: 'macvlan', version: '0.1', fw: '', bus: '', stats: false };
    case 'vxlan':
      return { driver: 'vxlan', version: '0.1', fw: '', bus: '', stats: false };
    default:
      return null;
  }
}

/** `ethtool -i`'s answer, or null where the model does not know the driver. */
export function driverInfo(l: Link): { exit: number; stdout: string; stderr: string } | null {
  const d = drvInfo(l);
  if (d === null) return null;
  if (d === 'none') return { exit: 71, stdout: '', stderr: 'Cannot get driver information: Operation not supported\n' };
  const yn = (b: boolean): string => (b ? 'yes' : 'no');
  const stdout =
    `driver: ${d.driver}\nversion: ${d.version}\nfirmware-version: ${d.fw}\nexpansion-rom-version: \nbus-info: ${d.bus}\n` +
    `supports-statistics: ${yn(d.stats)}\nsupports-test: no\nsupports-eeprom-access: no\nsupports-register-dump: no\nsupports-priv-flags: no\n`;
  return { exit: 0, stdout, stderr: '' };
}
