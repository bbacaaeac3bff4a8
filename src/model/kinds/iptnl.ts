/**
 * IPv4 tunnels (net/ipv4/ipip.c, ip_gre.c, net/ipv6/sit.c over ip_tunnel.c), as Linux 6.1
 * makes them: no hardware address but the tunnel's local IPv4 address (addr_len 4), the remote
 * as the broadcast/peer address, NOARP, POINTOPOINT when a remote is given, no queue
 * (IFF_NO_QUEUE: noqueue), no carrier events (UNKNOWN with carrier once up), min_mtu and
 * max_mtu 0 (ip_tunnel_change_mtu checks 68 … IP_MAX_MTU less the headers itself), except
 * sit's 1280 … 65555. The MTU at creation is the underlay device's (or 1500) less the outer
 * headers (ip_tunnel_bind_dev: ops/apply-iptnl.ts). How packets are put in and taken out is
 * sim/iptnl.ts.
 */
import { GSO_LEGACY_MAX_SIZE, type LinkKindModel } from './kind.js';

/** What ipip, gre and sit share. */
const IPTNL_SETUP = {
  mtu: 1480,
  minMtu: 0,
  maxMtu: 0,
  randomMac: false,
  zeroBroadcast: true,
  txqlen: 1000,
  pointopoint: false,
  noarp: true,
  multicast: false,
  hwAddrLen: 4,
  queued: false,
  queues: 1,
  netnsLocal: false,
  deletable: true,
  portRefusal: 'EINVAL',
  onNetnsDelete: 'destroy',
  portCost: 100,
  ipv6ll: 'isatap',
  carrier: () => true,
  operState: () => 'UNKNOWN',
  operUpWhileDown: () => true,
  linkwatch: false,
  tsoMaxSize: () => GSO_LEGACY_MAX_SIZE,
} as const satisfies Omit<LinkKindModel, 'type' | 'infoKind'>;

export const ipipKind: LinkKindModel = { ...IPTNL_SETUP, type: 'ipip', infoKind: 'ipip' };

export const greKind: LinkKindModel = { ...IPTNL_SETUP, type: 'gre', infoKind: 'gre', mtu: 1476 };

// ipip6_tunnel_setup: min_mtu IPV6_MIN_MTU, max_mtu IP6_MAX_MTU - t_hlen; addrconf_sit_config's add_v4_addrs
export const sitKind: LinkKindModel = { ...IPTNL_SETUP, type: 'sit', infoKind: 'sit', minMtu: 1280, maxMtu: 65555, ipv6ll: 'v4' };
