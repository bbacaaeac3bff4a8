/** A tap is a tun device in tap mode (info_data `type tap`). */
import { readTun, tuntapLines } from './tun.js';
import type { KindAdapter } from './kind.js';

export const tapAdapter: KindAdapter = {
  made: 'inside',
  opArgs: () => [],
  insideLines: tuntapLines,
  madeMtu: () => 1500,
  readsAs: (j) => j.info_kind === 'tun' && j.info_data?.type === 'tap',
  readBack: readTun,
};
