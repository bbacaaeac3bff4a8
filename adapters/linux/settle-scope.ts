/**
 * Which namespaces of a sandbox may still be moving: settle.ts waits only for those. A kernel
 * that has settled stays settled until a command changes a link or an address, so a read after
 * reads waits for nothing, and a read after a write waits for the namespaces that write changed
 * — the simulator beside the kernel says which (LabModel.nsChanges, the peer's namespace of a
 * veth included). Without that knowledge (no shadow, a line the simulator does not model, a
 * namespace deleted) every namespace of the host is waited for, as before. This keeps a long
 * script's real side linear: before, every read dumped every namespace of the host.
 */
import type { Sandbox } from './sandbox.js';

/** Namespaces of one sandbox host to wait for: every one, or the root ('') and named ones. */
export type Scope = 'all' | ReadonlySet<string>;

interface HostChanges {
  /** links may be moving (linkwatch) */
  links: 'all' | Set<string>;
  /** links or DAD may be moving: what a settle with `dad` waits for */
  dad: 'all' | Set<string>;
}

const changes = new WeakMap<Sandbox, Map<string, HostChanges>>();

function of(sb: Sandbox, host: string): HostChanges {
  let m = changes.get(sb);
  if (!m) changes.set(sb, (m = new Map()));
  let c = m.get(host);
  // a host not seen yet may have changed in any way
  if (!c) m.set(host, (c = { links: 'all', dad: 'all' }));
  return c;
}

/**
 * Notes that a namespace of a sandbox host changed (`ns` null: its root; 'all': anything
 * may have).
 */
export function noteChange(sb: Sandbox, host: string, ns: string | null | 'all'): void {
  const c = of(sb, host);
  if (ns === 'all') {
    c.links = 'all';
    c.dad = 'all';
    return;
  }
  const key = ns ?? '';
  if (c.links !== 'all') c.links.add(key);
  if (c.dad !== 'all') c.dad.add(key);
}

/** What a settle (with DAD or not) must wait for on a sandbox host. */
export function pendingScope(sb: Sandbox, host: string, dad: boolean): Scope {
  const c = of(sb, host);
  return dad ? c.dad : c.links;
}

/**
 * Notes that a settle ended with these namespaces settled (every other one it looked at may
 * still be moving: it stays pending). `all`: the namespaces the settle looked at when it
 * waited for all of them; `unsettled` those that had not settled by the deadline.
 */
export function noteSettled(sb: Sandbox, host: string, dad: boolean, unsettled: readonly string[]): void {
  const c = of(sb, host);
  const left = new Set(unsettled);
  if (dad) {
    c.dad = new Set(left);
    c.links = c.links === 'all' ? new Set(left) : new Set([...c.links].filter((n) => left.has(n)));
  } else {
    c.links = new Set(left);
    // DAD was not waited for: whatever may still be running it stays pending
  }
}
