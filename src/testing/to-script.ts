/**
 * A lab description as a bash script of iproute2 commands: the same text runs with `sudo bash`
 * on a throwaway machine, inside nettwin's kernel sandbox, and in `nettwin run`. No `set -e`:
 * generated labs are partly wrong on purpose, and every command after a failing one still runs,
 * as it does when someone pastes a tutorial into a shell.
 */
import type { LabDescription, LabStep, NetnsStyle, Where } from './lab-description.js';

/** The ping every generated lab uses: one probe, one second, so a failing ping costs 1 s. */
export const PING_ARGS = ['-c', '1', '-W', '1'] as const;

const SAFE_WORD = /^[A-Za-z0-9._/:=@%+,-]+$/;

/** A word as bash reads it back unchanged. */
function quote(word: string): string {
  return SAFE_WORD.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function words(parts: Array<string | number>): string {
  return parts.map((p) => quote(String(p))).join(' ');
}

/** `ip …` run in a namespace, in the lab's style. */
function ip(style: NetnsStyle, where: Where, args: Array<string | number>): string {
  if (where === null) return words(['ip', ...args]);
  if (style === 'netns-exec') return words(['ip', 'netns', 'exec', where, 'ip', ...args]);
  return words(['ip', '-n', where, ...args]);
}

/** Any other program run in a namespace. */
function inNs(where: Where, argv: Array<string | number>): string {
  return where === null ? words(argv) : words(['ip', 'netns', 'exec', where, ...argv]);
}

/**
 * One step as one command line.
 *
 * @example
 * stepToCommand({ kind: 'addr-add', in: 'red', dev: 'veth0', address: '10.0.0.1/24' })
 * // 'ip -n red addr add 10.0.0.1/24 dev veth0'
 */
export function stepToCommand(step: LabStep, style: NetnsStyle = 'dash-n'): string {
  switch (step.kind) {
    case 'netns-add':
      return words(['ip', 'netns', 'add', step.name]);
    case 'veth-add': {
      const peer: string[] = ['peer', 'name', step.peer];
      if (step.peerIn !== undefined) peer.push('netns', step.peerIn);
      return ip(style, step.in, ['link', 'add', step.name, 'type', 'veth', ...peer]);
    }
    case 'bridge-add':
      return ip(style, step.in, ['link', 'add', step.name, 'type', 'bridge']);
    case 'macvlan-add':
      return ip(style, step.in, ['link', 'add', step.name, 'link', step.link, 'type', 'macvlan', 'mode', step.mode]);
    case 'link-move':
      return ip(style, step.in, ['link', 'set', step.dev, 'netns', step.to]);
    case 'link-master':
      return ip(style, step.in, ['link', 'set', step.dev, 'master', step.master]);
    case 'link-state':
      return ip(style, step.in, ['link', 'set', step.dev, step.up ? 'up' : 'down']);
    case 'addr-add':
      return ip(style, step.in, ['addr', 'add', step.address, 'dev', step.dev, ...(step.nodad ? ['nodad'] : [])]);
    case 'route-add': {
      const args: Array<string | number> = ['route', 'add', step.dst];
      if (step.via !== undefined) args.push('via', step.via);
      if (step.dev !== undefined) args.push('dev', step.dev);
      if (step.metric !== undefined) args.push('metric', step.metric);
      if (step.onlink) args.push('onlink');
      return ip(style, step.in, args);
    }
    case 'sysctl':
      return inNs(step.in, ['sysctl', '-w', `${step.key}=${step.value}`]);
    case 'ping':
      return inNs(step.in, ['ping', ...PING_ARGS, step.to]);
    case 'show':
      return ip(style, step.in, [...(step.json ? ['-j'] : []), step.object, 'show']);
    case 'iptables':
      return inNs(step.in, ['iptables', ...step.args]);
  }
}

/**
 * The lab as a bash script, one command per line after a short header.
 *
 * @example
 * toScript({ steps: [{ kind: 'netns-add', name: 'red' }] })
 * // '#!/bin/bash\n# nettwin lab: …\nip netns add red\n'
 */
export function toScript(lab: LabDescription): string {
  const style = lab.style ?? 'dash-n';
  const header = ['#!/bin/bash', `# ${lab.title ?? 'nettwin lab'}`, '# Run it with `nettwin run FILE`, or with `sudo bash FILE` in a throwaway VM or network sandbox.'];
  return `${[...header.map((l) => l.replace(/\n/g, ' ')), ...lab.steps.map((s) => stepToCommand(s, style))].join('\n')}\n`;
}

/** The 1-based line of each step in `toScript(lab)`: the header's lines come first. */
export const SCRIPT_HEADER_LINES = 3;
