/**
 * What real mode knows of one link kind: how the kernel's device is made (the words of `ip
 * link add … type KIND`, or the batch lines that recreate a model's device) and how the
 * kernel's description of a device (`ip -j -d link`) reads back into the model. One file per
 * kind; kinds/index.ts is the table, a `Record<LinkKind, KindAdapter>`.
 */
import type { Link } from '../../../src/model/link.js';
import type { LinkAddOp } from '../../../src/ops/op.js';

/** The part of `ip -j -d link`'s answer that names a device's kind. */
export interface KernelKind {
  link_type?: string;
  info_kind?: string;
  info_data?: Record<string, unknown>;
}

export interface KindAdapter {
  /**
   * Where a model's device is made: not at all (lo comes with its namespace), as a veth pair
   * with its far end (`pair`), in its host's root and moved in (`beside`: a bridge), or from
   * inside its own namespace (`inside`: it names nothing elsewhere)
   */
  made: 'with-netns' | 'pair' | 'beside' | 'inside';
  /** the words after `type KIND` of `ip link add` that make what a link.add op asks (each name checked) */
  opArgs(op: LinkAddOp): string[];
  /** the `ip -batch` lines that make the model's device from inside its namespace (made: `inside`) */
  insideLines?(l: Link, path: string, warnings: string[]): string[];
  /** the MTU the kernel gives the device as the lines make it: a different one is set afterwards */
  madeMtu(l: Link): number;
  /** a device the kernel describes so is of this kind */
  readsAs(j: KernelKind): boolean;
  /** the kind's own settings, read back from the kernel's info_data */
  readBack?(l: Link, d: Record<string, unknown>, flags: string[]): void;
}
