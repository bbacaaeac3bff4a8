import type { Host } from '../model/host.js';
import type { Link } from '../model/link.js';
import type { Netns } from '../model/netns.js';
import { noDevice, OpError } from './errors.js';

/** Where an Op runs: a namespace of a host (what `ip netns exec`/`ip -n` chose). */
export interface OpContext {
  ns: Netns;
}

export function hostOf(ctx: OpContext): Host {
  return ctx.ns.host;
}

/** ll_name_to_index: iproute2 resolves names before asking the kernel. */
export function findDev(ctx: OpContext, name: string): Link {
  const l = ctx.ns.linkByName(name);
  if (!l) throw noDevice(name);
  return l;
}

/** A named namespace of the same host, as `netns NAME` finds it in /run/netns. */
/**
 * `netns 1` (IFLA_NET_NS_PID 1): the namespace of the host's init, its root namespace. A path,
 * so no named namespace can be taken for it.
 */
export const INIT_NETNS = '/proc/1/ns/net';

export function findNetns(ctx: OpContext, name: string): Netns | undefined {
  if (name === INIT_NETNS) return ctx.ns.host.root;
  return ctx.ns.host.namespaces.get(name);
}

export function invalidArg(arg: string, msg: string): OpError {
  return new OpError(`Error: argument "${arg}" is wrong: ${msg}\n`, 1, 'invalid-argument');
}
