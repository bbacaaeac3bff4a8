/** tun and tap devices: made by `ip tuntap add` inside their namespace; held open only by a process. */
import type { Link } from '../../../src/model/link.js';
import { batchLine, compileOp } from '../compile.js';
import type { KindAdapter } from './kind.js';

/** `ip tuntap add` for the model's device (and a tap's MAC, which tuntap cannot give). */
export function tuntapLines(l: Link, path: string, warnings: string[]): string[] {
  const t = l.tun!;
  const out = [batchLine(compileOp({ op: 'tuntap.add', name: l.name, mode: t.mode, pi: t.pi }).argv)];
  if (l.kind === 'tap') out.push(batchLine(['link', 'set', 'dev', l.name, 'address', l.mac]));
  if (t.attached) warnings.push(`${path}: ${l.name} is held open by a process in the model; on the kernel it has no carrier`);
  return out;
}

/** A tun device's settings as tun_print_opt shows them; carrier (LOWER_UP) means a process holds it. */
export function readTun(l: Link, d: Record<string, unknown>, flags: string[]): void {
  l.tun = { mode: l.kind === 'tap' ? 'tap' : 'tun', pi: d.pi === true, attached: flags.includes('LOWER_UP'), owner: null, persist: d.persist !== false };
}

export const tunAdapter: KindAdapter = {
  made: 'inside',
  opArgs: () => [],
  insideLines: tuntapLines,
  madeMtu: () => 1500,
  readsAs: (j) => j.info_kind === 'tun' && j.info_data?.type !== 'tap',
  readBack: readTun,
};
