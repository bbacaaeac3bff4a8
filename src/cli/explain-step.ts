/**
 * `nettwin explain --step`: an explained ping one event at a time, like the simulation mode of
 * classroom network simulators: an event list (time, where, what) around the current event,
 * the current event in full, and the path so far. Keys: Enter/Space/→/n next, ←/b/p back,
 * Home/g first, End/G last, q/Esc quit. Without a terminal on both ends every event is printed
 * in turn, as if Enter were held down.
 */
import * as readline from 'node:readline';
import type { ExplainResult } from '../twin/explain.js';
import type { StepKind, TraceStep } from '../../sim/trace.js';
import { colorsFor, type Colors } from './colors.js';
import pc from 'picocolors';

/** What each kind of event is, in the words of a network class. */
const KIND: Record<StepKind, string> = {
  send: 'ping sends',
  route: 'route lookup',
  neigh: 'neighbour (ARP cache)',
  arp: 'ARP',
  ndisc: 'neighbour discovery',
  xmit: 'frame on a link',
  rx: 'frame received',
  bridge: 'bridge forwards',
  fdb: 'bridge learns (FDB)',
  input: 'IP input',
  forward: 'IP forward',
  deliver: 'local delivery',
  icmp: 'ICMP',
  socket: 'socket',
  netfilter: 'netfilter',
  drop: 'dropped',
};

/** The events of an explanation, in order. */
export function events(x: ExplainResult): TraceStep[] {
  return x.hops.flatMap((h) => h.steps);
}

/** IP-layer events: where the packets are, leaving ARP and frame steps aside. */
const L3 = new Set<StepKind>(['send', 'route', 'input', 'forward', 'deliver']);

/** The namespaces the packets passed at the IP layer up to event `i` (repeats in a row once). */
export function pathUpTo(evs: readonly TraceStep[], i: number): string[] {
  const out: string[] = [];
  for (const e of evs.slice(0, i + 1)) if (L3.has(e.kind) && out[out.length - 1] !== e.ns) out.push(e.ns);
  return out;
}

const plain = pc.createColors(false);

/**
 * One screen: the verdict, an event list of `rows` events around event `i` (marked `>`), the
 * current event in full and the path so far.
 *
 * @example
 * process.stdout.write(renderStep(lab.explain('node1/NS1', '172.16.0.3'), 2));
 */
export function renderStep(x: ExplainResult, i: number, opts: { rows?: number; colors?: Colors; keys?: boolean } = {}): string {
  const c = opts.colors ?? plain;
  const evs = events(x);
  if (!evs.length) return `${x.summary}\n(no events: the ping never left ${x.from})\n`;
  const rows = opts.rows ?? 9;
  const t0 = x.ping.startUs;
  const time = (t: number) => `+${((t - t0) / 1e6).toFixed(6)}`;
  const nsWidth = Math.max(2, ...evs.map((e) => e.ns.length));
  const start = Math.max(0, Math.min(i - Math.floor(rows / 2), evs.length - rows));
  const end = Math.min(evs.length, start + rows);
  const e = evs[i]!;
  let out = `${c.bold(x.summary)}\n`;
  out += `event ${i + 1} of ${evs.length}\n\n`;
  out += c.dim(`    #  ${'time'.padEnd(10)} ${'at'.padEnd(nsWidth)}  type\n`);
  if (start > 0) out += c.dim(`       … ${start} earlier\n`);
  for (let k = start; k < end; k++) {
    const ev = evs[k]!;
    const mark = k === i ? '>' : ' ';
    const line = `${mark} ${String(k + 1).padStart(3)}  ${time(ev.t).padEnd(10)} ${ev.ns.padEnd(nsWidth)}  ${KIND[ev.kind]}${ev.reason ? ` [${ev.reason}]` : ''}`;
    out += k === i ? `${c.bold(line)}\n` : ev.kind === 'drop' ? `${c.red(line)}\n` : `${line}\n`;
  }
  if (end < evs.length) out += c.dim(`       … ${evs.length - end} more\n`);
  out += `\n${c.bold(`${KIND[e.kind]}`)} at ${c.cyan(e.ns)}, ${time(e.t)} s\n`;
  out += `  ${e.kind === 'drop' ? c.red(e.detail) : e.detail}\n`;
  if (e.reason) out += `  reason: ${c.red(e.reason)}\n`;
  out += `path so far: ${pathUpTo(evs, i).join(' -> ')}\n`;
  if (i === evs.length - 1) out += `${c.bold('end')}: ${x.reason ? `${x.disposition} [${x.reason}]` : x.disposition}\n`;
  if (opts.keys !== false) out += c.dim('\n[Enter/Space/→] next  [←/b] back  [g] first  [G] last  [q] quit\n');
  return out;
}

/** Every event in turn, screens separated by a rule: what `--step` prints without a terminal. */
export function renderAllSteps(x: ExplainResult, colors: Colors = plain): string {
  const n = Math.max(1, events(x).length);
  const screens: string[] = [];
  for (let i = 0; i < n; i++) screens.push(renderStep(x, i, { colors, keys: false }));
  return screens.join(`${'-'.repeat(72)}\n`);
}

export interface StepIo {
  input: NodeJS.ReadStream;
  output: NodeJS.WriteStream;
}

/**
 * Shows the explanation one event at a time until the user quits (or, off a terminal, prints
 * every event). Resolves when done.
 */
export async function stepThrough(x: ExplainResult, io: StepIo = { input: process.stdin, output: process.stdout }): Promise<void> {
  const colors = colorsFor(io.output);
  const n = events(x).length;
  if (!io.input.isTTY || !io.output.isTTY || n === 0) {
    io.output.write(renderAllSteps(x, colors));
    return;
  }
  let i = 0;
  const draw = () => {
    const rows = Math.max(3, (io.output.rows ?? 24) - 14);
    io.output.write(`\x1b[2J\x1b[H${renderStep(x, i, { rows, colors })}`);
  };
  readline.emitKeypressEvents(io.input);
  io.input.setRawMode(true);
  io.input.resume();
  draw();
  await new Promise<void>((resolve) => {
    const onKey = (str: string | undefined, key: { name?: string; ctrl?: boolean; shift?: boolean } = {}) => {
      const k = key.name ?? str;
      if (k === 'q' || k === 'escape' || (key.ctrl && k === 'c')) {
        io.input.off('keypress', onKey);
        io.input.setRawMode(false);
        io.input.pause();
        resolve();
        return;
      }
      if (k === 'return' || k === 'enter' || k === 'space' || k === 'right' || k === 'n' || k === 'down') i = Math.min(n - 1, i + 1);
      else if (k === 'left' || k === 'b' || k === 'p' || k === 'up' || k === 'backspace') i = Math.max(0, i - 1);
      else if (str === 'G' || k === 'end') i = n - 1;
      else if (k === 'g' || k === 'home') i = 0;
      else return;
      draw();
    };
    io.input.on('keypress', onKey);
  });
}
