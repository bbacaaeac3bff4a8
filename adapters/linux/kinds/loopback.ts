/** lo comes with its namespace; ARPHRD_LOOPBACK reads back as it. */
import type { KindAdapter } from './kind.js';

export const loopbackAdapter: KindAdapter = {
  made: 'with-netns',
  opArgs: () => [],
  madeMtu: () => 65536,
  readsAs: (j) => j.link_type === 'loopback',
};
