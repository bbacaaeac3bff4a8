/**
 * A lab NIC is one end of a veth pair on the kernel (its cable the pair; a NIC without a cable
 * has its far end in the machine room). Anything the model does not know reads back as a NIC.
 */
import type { KindAdapter } from './kind.js';

export const etherAdapter: KindAdapter = {
  made: 'pair',
  opArgs: () => [],
  madeMtu: () => 1500,
  readsAs: () => false,
};
