/**
 * /sys/class/net as the kernel shows it to a namespace: `ls /sys/class/net` (its devices, as ls
 * sorts them in the C locale) and the attribute files of /sys/class/net/IF (net-sysfs.c:
 * address, mtu, operstate, carrier, ifindex, iflink, flags, type …), read from the model.
 */
import type { Netns } from '../../model/netns.js';
import type { Link } from '../../model/link.js';
import { hasCarrier, operState } from '../../model/link.js';
import { IFF, linkFlags, peerOf } from '../../iproute2/link/ifinfo.js';

/** `ls /sys/class/net`: one name a line (stdout is not a terminal), byte order. */
export function listNetdevs(ns: Netns): string {
  const names = ns.linkList().map((l) => l.name);
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return names.map((n) => `${n}\n`).join('');
}

/** ARPHRD_* of a device, as `type` shows it. */
function arphrd(l: Link): number {
  if (l.kind === 'loopback') return 772;
  if (l.kind === 'tun') return 65534;
  return 1;
}

/**
 * The text of /sys/class/net/IF/ATTR, or the error cat reports (`Invalid argument` for the
 * carrier of a device that is down, as the kernel answers EINVAL).
 */
export function readSysfsNet(ns: Netns, ifname: string, attr: string): { text: string } | { error: string } {
  const l = ns.linkByName(ifname);
  if (!l) return { error: 'No such file or directory' };
  switch (attr) {
    case 'address':
      return { text: `${l.kind === 'tun' ? '' : l.mac}\n` };
    case 'broadcast':
      return { text: `${l.kind === 'tun' ? '' : l.brd}\n` };
    case 'mtu':
      return { text: `${l.mtu}\n` };
    case 'ifindex':
      return { text: `${l.ifindex}\n` };
    case 'iflink':
      return { text: `${peerOf(l)?.ifindex ?? l.ifindex}\n` };
    case 'type':
      return { text: `${arphrd(l)}\n` };
    case 'addr_len':
      return { text: `${l.kind === 'tun' ? 0 : 6}\n` };
    case 'tx_queue_len':
      return { text: `${l.txqlen}\n` };
    case 'operstate':
      return { text: `${operState(l).toLowerCase()}\n` };
    case 'carrier':
      if (!l.up) return { error: 'Invalid argument' };
      return { text: `${hasCarrier(l) ? 1 : 0}\n` };
    case 'dormant':
      if (!l.up) return { error: 'Invalid argument' };
      return { text: '0\n' };
    case 'flags': {
      // dev->flags: what was set, not RUNNING/LOWER_UP; a bridge port is promiscuous
      let f = linkFlags(l) & ~(IFF.RUNNING | IFF.LOWER_UP);
      if (l.master) f |= IFF.PROMISC;
      return { text: `0x${f.toString(16)}\n` };
    }
    case 'ifalias':
      return { text: '\n' };
    case 'netdev_group':
    case 'proto_down':
    case 'link_mode':
      return { text: '0\n' };
    default:
      return { error: 'No such file or directory' };
  }
}
