/**
 * `ethtool DEV` of ethtool 6.1 over netlink: the link modes and settings the driver reports
 * (get_link_ksettings), a tun's message level, and "Link detected" (netif_running and the
 * driver's get_link: carrier). A veth, a tun or a tap report 10000 Mb/s full duplex over
 * twisted pair; a macvlan, and a vxlan with a lower `dev`, report their lower device's; a bridge
 * reports the fastest of its running ports (no duplex, port Other); lo reports only its link.
 */
import { KINDS } from '../../model/kinds/index.js';
import { bridgePorts, hasCarrier, operState, type Link } from '../../model/link.js';

interface Ksettings {
  speed: number | null;
  duplex: 'Full' | null;
  tp: boolean;
}

/** The device's get_link_ksettings, or null where it has none (lo) or the model does not know it. */
function ksettings(l: Link, depth = 0): Ksettings | null | 'unknown' {
  if (depth > 4) return 'unknown';
  switch (l.kind) {
    case 'veth':
    case 'ether':
    case 'tun':
    case 'tap':
      return { speed: 10000, duplex: 'Full', tp: true };
    case 'loopback':
      return null;
    case 'macvlan':
    case 'vxlan': {
      const lower = KINDS[l.kind].speedFrom?.(l);
      if (!lower) return l.kind === 'vxlan' ? { speed: null, duplex: null, tp: false } : 'unknown';
      return ksettings(lower, depth + 1);
    }
    case 'bridge': {
      // br_get_link_ksettings: the highest speed of the ports that are running and oper up
      let speed: number | null = null;
      for (const p of bridgePorts(l)) {
        if (!p.up || !['UP', 'UNKNOWN'].includes(operState(p))) continue;
        const s = ksettings(p, depth + 1);
        if (s === 'unknown') return 'unknown';
        if (s?.speed != null && (speed === null || s.speed > speed)) speed = s.speed;
      }
      return { speed, duplex: null, tp: false };
    }
    default:
      return 'unknown';
  }
}

/** `ethtool DEV`'s stdout, or null where the model does not know the device's settings. */
export function settingsText(l: Link): string | null {
  const ks = ksettings(l);
  if (ks === 'unknown') return null;
  let out = `Settings for ${l.name}:\n`;
  if (ks !== null) {
    out +=
      '\tSupported ports: [  ]\n\tSupported link modes:   Not reported\n\tSupported pause frame use: No\n\tSupports auto-negotiation: No\n\tSupported FEC modes: Not reported\n' +
      '\tAdvertised link modes:  Not reported\n\tAdvertised pause frame use: No\n\tAdvertised auto-negotiation: No\n\tAdvertised FEC modes: Not reported\n';
    out += `\tSpeed: ${ks.speed === null ? 'Unknown!' : `${ks.speed}Mb/s`}\n`;
    out += `\tDuplex: ${ks.duplex ?? 'Unknown! (255)'}\n`;
    out += `\tAuto-negotiation: off\n\tPort: ${ks.tp ? 'Twisted Pair' : 'Other'}\n\tPHYAD: 0\n\tTransceiver: internal\n`;
    if (ks.tp) out += '\tMDI-X: Unknown\n';
  }
  // tun_get_msglevel: the message level, and its (empty) list of flag names
  if (l.kind === 'tun' || l.kind === 'tap') out += `        Current message level: 0x00000000 (0)\n${' '.repeat(30)}\n`;
  out += `\tLink detected: ${l.up && hasCarrier(l) ? 'yes' : 'no'}\n`;
  return out;
}
