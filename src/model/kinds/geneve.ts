/**
 * A Geneve device (drivers/net/geneve.c geneve_setup): an Ethernet device that always has
 * carrier (UNKNOWN once up), no queue of its own, MTU 1500 (not lowered for the outer headers)
 * up to IP_MAX_MTU less the IPv4 encapsulation (GENEVE_IPV4_HLEN); sim/geneve.ts carries its
 * frames in UDP to its remote.
 */
import { GSO_LEGACY_MAX_SIZE, ETHER_SETUP, type LinkKindModel } from './kind.js';

/** GENEVE_IPV4_HLEN: Ethernet 14 + IPv4 20 + UDP 8 + Geneve 8 */
export const GENEVE_IPV4_HLEN = 50;

export const geneveKind: LinkKindModel = {
  ...ETHER_SETUP,
  maxMtu: 65535 - GENEVE_IPV4_HLEN,
  queued: false,
  infoKind: 'geneve',
  portCost: 100,
  carrier: () => true,
  operState: () => 'UNKNOWN',
  operUpWhileDown: () => true,
  linkwatch: false,
  tsoMaxSize: () => GSO_LEGACY_MAX_SIZE,
};
