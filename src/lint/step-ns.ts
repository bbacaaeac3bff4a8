/**
 * Which namespace a step ran in, read from its command the way the wrappers put it there
 * (`ip netns exec NS …`, `ip -n NS …`, `nsenter --net=/run/netns/NS …`, sudo before any), and
 * what an `ip` command of it does, for rules that follow a script's history.
 */
import type { Step } from '../exec/step.js';

/** The words of a step's command, sudo and its options left out. */
function words(s: Step): string[] {
  const w = s.command.trim().split(/\s+/);
  while (w[0] === 'sudo') {
    w.shift();
    while (w[0]?.startsWith('-')) w.shift();
  }
  return w;
}

/**
 * The namespace path a step ran in (`host` or `host/NS`) and the `ip` arguments it ran there
 * (without `-n NS`), or null for a command that is not `ip`.
 *
 * @example ipStep({ host: 'h', command: 'ip netns exec r ip route add default via 10.0.0.1' } as Step) // { ns: 'h/r', args: ['route', 'add', 'default', 'via', '10.0.0.1'] }
 */
export function ipStep(s: Step): { ns: string; args: string[] } | null {
  let w = words(s);
  let ns: string | null = null;
  for (;;) {
    if (w[0] === 'ip' && /^(netns|netn|net)$/.test(w[1] ?? '') && w[2] === 'exec' && w[3]) {
      ns = w[3];
      w = w.slice(4);
    } else if (w[0] === 'nsenter') {
      const i = w.findIndex((x, k) => k > 0 && !x.startsWith('-'));
      const net = w.slice(1, i < 0 ? undefined : i).join(' ');
      const m = /--net(?:=|\s+)\/run\/netns\/([^/\s]+)/.exec(net);
      if (!m || i < 0) return null;
      ns = m[1]!;
      w = w.slice(i);
    } else break;
  }
  if (w[0] !== 'ip') return null;
  const args = w.slice(1);
  const n = args.findIndex((a) => /^--?n(e(t(ns?)?)?)?$/.test(a));
  if (n >= 0 && args[n + 1]) {
    ns = args[n + 1]!;
    args.splice(n, 2);
  }
  while (args[0]?.startsWith('-')) args.shift();
  return { ns: ns === null ? s.host : `${s.host}/${ns}`, args };
}

/** Whether `word` is an abbreviation iproute2 takes for `full` (at least `min` letters). */
export function abbrev(word: string | undefined, full: string, min = 1): boolean {
  return word !== undefined && word.length >= min && full.startsWith(word);
}
