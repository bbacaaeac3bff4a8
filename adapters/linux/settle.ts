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
import type { Sandbox } from './sandbox.js';

interface JsonAddr {
  family?: string;
  tentative?: boolean;
  dadfailed?: boolean;
}

export interface JsonLink {
  ifname: string;
  flags?: string[];
  operstate?: string;
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

/** DAD still running on one of the link's addresses (one that failed DAD stays tentative for good). */
function dadRunning(l: JsonLink): boolean {
  return (l.addr_info ?? []).some((a) => a.tentative === true && a.dadfailed !== true);
}

/** Whether a namespace's `ip -j addr show` shows a settled state (with `dad`: DAD finished too). */
export function settled(links: JsonLink[], dad: boolean): boolean {
  return links.every((l) => linkSettled(l) && !(dad && dadRunning(l)));
}

/**
 * Waits (up to `maxMs`: DAD takes up to two seconds) until the host's namespaces show settled
 * link states and, with `dad`, no tentative address (only a command that shows IPv6 routes
 * needs that: a tentative address in `ip addr` is masked, its missing local route is not).
 */
export async function settle(sb: Sandbox, host: string, opts: { dad?: boolean; maxMs?: number } = {}): Promise<void> {
  const maxMs = opts.maxMs ?? (opts.dad ? 3000 : 1500);
  const deadline = Date.now() + maxMs;
  const list = await sb.exec(host, ['ip', 'netns', 'list']);
  const names = list.stdout
    .split('\n')
    .map((l) => l.split(' ')[0])
    .filter((n) => n);
  // while nothing runs, a namespace that has settled stays settled: poll only the others
  let pending: (string | null)[] = [null, ...names];
  for (;;) {
    const dumps = pending.length > 8 ? await dumpAtOnce(sb, host, pending) : null;
    const each = dumps ?? (await Promise.all(pending.map((n) => sb.exec(host, n === null ? ['ip', '-j', 'addr', 'show'] : ['ip', '-n', n, '-j', 'addr', 'show'])))).map((r) => r.stdout);
    pending = pending.filter((_, i) => {
      try {
        return !settled(JSON.parse(each[i] || '[]') as JsonLink[], opts.dad ?? false);
      } catch {
        // a namespace deleted meanwhile: nothing to wait for
        return false;
      }
    });
    if (!pending.length || Date.now() > deadline) return;
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * `ip -j addr show` of many namespaces, read by one xargs in the sandbox: each batch names its
 * namespace (`netns identify`) before its dump, since the processes finish in any order. In
 * `pending`'s order; null when the answer is unclear (then each is asked on its own).
 */
async function dumpAtOnce(sb: Sandbox, host: string, pending: (string | null)[]): Promise<string[] | null> {
  const named = pending.filter((n): n is string => n !== null);
  const [root, many] = await Promise.all([
    pending.includes(null) ? sb.exec(host, ['ip', '-j', 'addr', 'show']) : null,
    sb.execUnits(host, named.map((ns) => ({ ns, lines: 'netns identify\naddr show\n' })), 4, { options: ['-j'] }),
  ]);
  if (many.exit !== 0 || many.stderr || (root && root.exit !== 0)) return null;
  const byName = new Map<string, string>();
  const lines = many.stdout.split('\n');
  for (let i = 0; i + 1 < lines.length; i += 2) {
    if (!named.includes(lines[i]!) || byName.has(lines[i]!) || !lines[i + 1]!.startsWith('[')) return null;
    byName.set(lines[i]!, lines[i + 1]!);
  }
  if (byName.size !== named.length) return null;
  return pending.map((n) => (n === null ? root!.stdout : byName.get(n)!));
}

const READ_VERBS = ['show', 'list', 'lst', 'ls', 'sh', 'get'];

/** Whether a command reads state (so the kernel should have settled before it runs). */
export function readsState(program: string, argv: string[]): boolean {
  if (program === 'ping') return true;
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

/**
 * Whether a command prints IPv6 routes (`ip -6 route`, `ip route show table all`): those lack
 * a link-local's `local` route until DAD is over, so the kernel must finish it first.
 */
export function showsIpv6Routes(program: string, argv: string[]): boolean {
  if (program !== 'ip') return false;
  let v6 = false;
  let i = 0;
  while (i < argv.length && argv[i].startsWith('-')) {
    const o = argv[i].replace(/^--/, '-');
    if (o === '-6') v6 = true;
    if (/^-(n|netns|rc|b|batch)$/.test(o) || /^-f(a(m(i(ly?)?)?)?)?$/.test(o)) {
      if (/^-f/.test(o) && argv[i + 1] === 'inet6') v6 = true;
      i++;
    }
    i++;
  }
  const obj = argv[i];
  if (obj === undefined || !'route'.startsWith(obj)) return false;
  if (v6) return true;
  const t = argv.indexOf('table');
  return t >= 0 && ['all', '0'].includes(argv[t + 1] ?? '');
}
