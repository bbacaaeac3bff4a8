/**
 * The kernel applies carrier changes to operstate (and activates qdiscs) from its linkwatch
 * work, up to a second after the command that caused them returned (net/core/link_watch.c).
 * The simulator shows the settled state, so before a command that reads state the real driver
 * waits until every link's operstate agrees with its flags.
 */
import type { Sandbox } from './sandbox.js';

interface JsonLink {
  ifname: string;
  flags?: string[];
  operstate?: string;
}

function settled(links: JsonLink[]): boolean {
  for (const l of links) {
    const flags = l.flags ?? [];
    if (!flags.includes('UP')) continue;
    const carrier = flags.includes('LOWER_UP');
    const st = l.operstate ?? 'UNKNOWN';
    if (carrier && (st === 'DOWN' || st === 'LOWERLAYERDOWN')) return false;
    if (!carrier && (st === 'UP' || st === 'UNKNOWN') && !flags.includes('LOOPBACK')) return false;
  }
  return true;
}

/** Waits (up to `maxMs`) until the host's namespaces show settled link states. */
export async function settle(sb: Sandbox, host: string, maxMs = 1500): Promise<void> {
  const deadline = Date.now() + maxMs;
  for (;;) {
    const list = await sb.exec(host, ['ip', 'netns', 'list']);
    const names = list.stdout
      .split('\n')
      .map((l) => l.split(' ')[0])
      .filter((n) => n);
    const dumps = await Promise.all([
      sb.exec(host, ['ip', '-j', 'link', 'show']),
      ...names.map((n) => sb.exec(host, ['ip', '-n', n, '-j', 'link', 'show'])),
    ]);
    let ok = true;
    for (const d of dumps) {
      try {
        if (!settled(JSON.parse(d.stdout || '[]') as JsonLink[])) ok = false;
      } catch {
        // a namespace deleted meanwhile: nothing to wait for
      }
    }
    if (ok || Date.now() > deadline) return;
    await new Promise((r) => setTimeout(r, 25));
  }
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
