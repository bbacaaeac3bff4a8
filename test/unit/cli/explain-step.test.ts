/**
 * `nettwin explain --step`: one event at a time. The screen (event list around the current
 * event, the event in full, the path so far), every event in turn off a terminal, and keys on
 * a terminal (through util-linux `script`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { events, pathUpTo, renderAllSteps, renderStep } from '../../../src/cli/explain-step.js';
import { loadLabFile } from '../../../src/labfile/load.js';
import { runLabSim } from '../../../src/labfile/sim-lab.js';
import { Lab } from '../../../src/lab.js';

const ROOT = join(import.meta.dirname, '../../..');
const lab = new Lab(runLabSim(loadLabFile(join(ROOT, 'examples/seed/verify.yaml'))).lab);
const x = lab.explain('node1/NS1', '172.16.1.2');
const evs = events(x);

describe('renderStep', () => {
  it('shows the event list around the current event, the event in full, and the path so far', () => {
    const i = evs.findIndex((e) => e.kind === 'forward');
    const s = renderStep(x, i, { rows: 5 });
    const lines = s.split('\n');
    expect(lines[0]).toBe('ping 172.16.1.2 from node1/NS1: reply from 172.16.1.2 ttl 62');
    expect(lines[1]).toBe(`event ${i + 1} of ${evs.length}`);
    expect(lines.filter((l) => l.startsWith('>'))).toHaveLength(1);
    expect(lines.find((l) => l.startsWith('>'))).toMatch(new RegExp(`^>\\s+${i + 1}  \\+0\\.\\d{6}  node1\\s+IP forward$`));
    expect(s).toContain(`IP forward at node1, +`);
    expect(s).toContain(`  ${evs[i]!.detail}\n`);
    expect(s).toContain('path so far: node1/NS1 -> node1\n');
    expect(s).toContain('earlier\n');
    expect(s).toContain('[Enter/Space/→] next');
  });

  it('names each kind of event as a class would: frames, lookups, ARP, FDB', () => {
    const all = renderAllSteps(x);
    for (const w of ['frame on a link', 'route lookup', 'ARP', 'bridge learns (FDB)', 'IP input', 'local delivery']) expect(all).toContain(w);
  });

  it('ends with the outcome, and shows drops with their reason', () => {
    expect(renderStep(x, evs.length - 1)).toContain('end: reply\n');
    const y = lab.explain('node1/NS1', '10.0.0.1');
    const ys = events(y);
    const d = ys.findIndex((e) => e.kind === 'drop');
    expect(renderStep(y, d)).toContain(`reason: ${ys[d]!.reason}`);
    expect(renderStep(y, ys.length - 1)).toMatch(/end: icmp-error \[no-route\]/);
  });

  it('the path so far lists namespaces in order, repeats once', () => {
    expect(pathUpTo(evs, evs.length - 1)).toEqual(['node1/NS1', 'node1', 'node2', 'node2/NS1', 'node2', 'node1', 'node1/NS1']);
  });

  it('a ping that never leaves has no events, and says so', () => {
    const seed = new Lab(runLabSim(loadLabFile(join(ROOT, 'examples/seed/verify-broken.yaml'))).lab);
    const z = seed.explain('node1/NS1', '172.16.1.2');
    expect(events(z)).toEqual([]);
    expect(renderAllSteps(z)).toBe('ping 172.16.1.2 from node1/NS1 fails at once: connect: Network is unreachable\n(no events: the ping never left node1/NS1)\n');
  });
});

describe('nettwin explain --step', () => {
  const CLI = ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'explain', 'examples/seed/verify.yaml', '--from', 'node1/NS1', '--to', '172.16.1.2', '--step'];

  it('off a terminal prints every event in turn', () => {
    const r = spawnSync(process.execPath, CLI, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(0);
    expect(r.stdout.match(/^event \d+ of \d+$/gm)).toEqual(evs.map((_, i) => `event ${i + 1} of ${evs.length}`));
  });

  it.skipIf(!existsSync('/usr/bin/script'))(
    'on a terminal moves with the keys and quits with q',
    () => {
      const cmd = [process.execPath, ...CLI].map((a) => `'${a}'`).join(' ');
      // keys once the first screen is up: next, next, back, last, quit
      const keys = `sleep 5; printf n; sleep 0.3; printf ' '; sleep 0.3; printf b; sleep 0.3; printf G; sleep 0.3; printf q`;
      const r = spawnSync('bash', ['-c', `(${keys}) | script -qec "${cmd.replace(/"/g, '\\"')}" /dev/null`], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
      expect(r.stdout.match(/event \d+ of \d+/g)).toEqual([1, 2, 3, 2, evs.length].map((k) => `event ${k} of ${evs.length}`));
    },
    60_000,
  );
});
