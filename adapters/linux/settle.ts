/**
 * The kernel applies carrier changes to operstate (and activates qdiscs) from its linkwatch
 * work, up to a second after the command that caused them returned (net/core/link_watch.c),
 * and runs duplicate address detection on every new IPv6 address for a second or two
 * (addrconf_dad_work): until it ends the address is `tentative` and has no `local` route in
 * table local. The simulator shows the settled state, so before a command that reads state
 * the real driver waits until every link's operstate agrees with its flags and no address is
 * tentative any more. Both are read with one `ip -j addr show` per namespace, polled every
 * 25 ms for the namespaces that have not settled yet.
 */
import * as os from 'node:os';
import type { Sandbox } from './sandbox.js';
import { noteSettled, pendingScope } from './settle-scope.js';

interface JsonAddr {
  family?: string;
  tentative?: boolean;
  dadfailed?: boolean;
}

export interface JsonLink {
  ifname: string;
  flags?: string[];
  operstate?: string;
  /** the bridge (or other master) it is a port of */
  master?: string;
  addr_info?: JsonAddr[];
}

function linkSettled(l: JsonLink): boolean {
  const flags = l.flags ?? [];
  if (!flags.includes('UP')) return true;
  const carrier = flags.includes('LOWER_UP');
  const st = l.operstate ?? 'UNKNOWN';
  if (carrier && (st === 'DOWN' || st === 'LOWERLAYERDOWN')) return false;
  if (!carrier && (st === 'UP' || st === 'UNKNOWN') && !flags.includes('LOOPBACK')) return false;
  return true;
}

/**
 * DAD still running on one of the link's addresses (one that failed DAD stays tentative for
 * good, and so does one on a device that is down).
 */
function dadRunning(l: JsonLink): boolean {
  if (!(l.flags ?? []).includes('UP')) return false;
  return (l.addr_info ?? []).some((a) => a.tentative === true && a.dadfailed !== true);
}

const carrierUp = (l: JsonLink) => (l.flags ?? []).includes('UP') && (l.flags ?? []).includes('LOWER_UP');

/**
 * Whether a namespace's `ip -j addr show` shows a settled state (with `dad`: DAD finished too).
 * A bridge up without ports shows UNKNOWN for good; once a port is up with carrier its
 * linkwatch moves it to UP a moment later (measured on 6.18), so a master with such a port
 * still UNKNOWN has not settled.
 */
export function settled(links: JsonLink[], dad: boolean): boolean {
  const masters = new Set(links.filter((l) => l.master !== undefined && carrierUp(l)).map((l) => l.master));
  const lagging = (l: JsonLink) => masters.has(l.ifname) && carrierUp(l) && (l.operstate ?? 'UNKNOWN') === 'UNKNOWN';
  return links.every((l) => linkSettled(l) && !lagging(l) && !(dad && dadRunning(l)));
}

/**
 * Waits (up to `maxMs`: DAD takes up to two seconds) until the host's namespaces show settled
 * link states and, with `dad`, no tentative address (only a command that shows IPv6 routes
 * needs that: a tentative address in `ip addr` is masked, its missing local route is not).
 */
export async function settle(sb: Sandbox, host: string, opts: { dad?: boolean; maxMs?: number } = {}): Promise<void> {
  const dad = opts.dad ?? false;
  // only what changed since the last settle can still be moving (settle-scope.ts)
  const scope = pendingScope(sb, host, dad);
  if (scope !== 'all' && scope.size === 0) return;
  const deadline = Date.now() + (opts.maxMs ?? (dad ? 3000 : 1500));
  const pause = () => new Promise((r) => setTimeout(r, 25));
  let names = scope === 'all' ? await netnsNames(sb, host) : [...scope].filter((n) => n !== '');
  // the host's root first: its links are the others' peers (veths, bridge ports) and linkwatch
  // works through one queue in order, so while the root is still moving the rest is too, and
  // asking every namespace meanwhile only slows the kernel down
  let rootSettled = !(scope === 'all' || scope.has(''));
  while (!rootSettled) {
    const r = await sb.exec(host, ['ip', '-j', 'addr', 'show']);
    rootSettled = isSettled(r.stdout, dad);
    if (rootSettled || Date.now() > deadline) break;
    await pause();
  }
  // while nothing runs, a namespace that has settled stays settled: poll only the others
  let pending = names;
  while (pending.length && Date.now() <= deadline) {
    const dumps = await dumpMany(sb, host, pending);
    if (dumps) pending = pending.filter((n) => !isSettled(dumps.get(n) ?? '', dad));
    else if (scope !== 'all') {
      // a namespace named by a change may be gone since: keep those that are still there
      const now = new Set(await netnsNames(sb, host));
      names = names.filter((n) => now.has(n));
      pending = pending.filter((n) => now.has(n));
    }
    if (pending.length) await pause();
  }
  noteSettled(sb, host, dad, rootSettled ? pending : ['', ...pending]);
}

/** The host's named namespaces (`ip netns list`). */
async function netnsNames(sb: Sandbox, host: string): Promise<string[]> {
  const list = await sb.exec(host, ['ip', 'netns', 'list']);
  return list.stdout
    .split('\n')
    .map((l) => l.split(' ')[0]!)
    .filter((n) => n);
}

/** Whether one `ip -j addr show` shows a settled namespace (unreadable: a namespace gone meanwhile, nothing to wait for). */
function isSettled(json: string, dad: boolean): boolean {
  try {
    return settled(JSON.parse(json || '[]') as JsonLink[], dad);
  } catch {
    return true;
  }
}

/**
 * `ip -j addr show` of named namespaces, by name: many are read by a few xargs in the sandbox,
 * each going through its share one namespace after the other (ip writes a dump in several
 * pieces, which parallel processes on one pipe would interleave), one line each; null when
 * that answer is unclear (ask again).
 */
async function dumpMany(sb: Sandbox, host: string, names: string[]): Promise<Map<string, string> | null> {
  if (names.length <= 8) {
    const rs = await Promise.all(names.map((n) => sb.exec(host, ['ip', '-n', n, '-j', 'addr', 'show'])));
    return new Map(names.map((n, i) => [n, rs[i]!.stdout]));
  }
  const ways = Math.max(1, Math.min(os.cpus().length, Math.ceil(names.length / 16)));
  const shares = Array.from({ length: ways }, (_, k) => names.slice(Math.floor((k * names.length) / ways), Math.floor(((k + 1) * names.length) / ways)));
  const out = new Map<string, string>();
  const rs = await Promise.all(
    shares.map((share) =>
      sb.execUnits(
        host,
        share.map((ns) => ({ ns, lines: 'addr show\n' })),
        1,
        { options: ['-j'] },
      ),
    ),
  );
  for (let k = 0; k < ways; k++) {
    const r = rs[k]!;
    if (r.exit !== 0 || r.stderr) return null;
    const lines = r.stdout.split('\n').filter((l) => l);
    if (lines.length !== shares[k]!.length || !lines.every((l) => l.startsWith('['))) return null;
    shares[k]!.forEach((n, i) => {
      out.set(n, lines[i]!);
    });
  }
  return out;
}

const READ_VERBS = ['show', 'list', 'lst', 'ls', 'sh', 'get'];

/** Whether a command reads state (so the kernel should have settled before it runs). */
export function readsState(program: string, argv: string[]): boolean {
  if (program === 'ping' || program === 'ping6') return true;
  if (program === 'brctl') return argv[0] === 'show' || argv[0] === 'showmacs';
  let i = 0;
  while (i < argv.length && argv[i].startsWith('-')) {
    if (/^-(n|netns|f|family|rc|b|batch)$/.test(argv[i])) i++;
    i++;
  }
  const verb = argv[i + 1];
  if (verb === undefined) return true;
  return READ_VERBS.some((v) => v.startsWith(verb) || verb === v) || verb === 'help';
}
