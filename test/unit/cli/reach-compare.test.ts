/**
 * `nettwin reach --compare OLD NEW` on two versions of the seed lab: the corrected nodes
 * (examples/seed/verify.yaml) before and after node 2's route back to node 1's pods (step 13-1's
 * second line). The pairs the fix gains are derived by hand below: everything whose request or
 * reply needs node 2 to reach 172.16.0.0/24. Nothing is lost; the other way round, exactly those
 * pairs are lost and the exit status is 1.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { compareReach, reachCompareCommand } from '../../../src/cli/reach-compare.js';

const ROOT = join(import.meta.dirname, '../../..');
const FIX = '  - node2: ip route add 172.16.0.0/24 via 192.168.0.16 dev enp2s0\n';

let dir = '';
let before = '';
let after = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nettwin-compare-'));
  const lab = readFileSync(join(ROOT, 'examples/seed/verify.yaml'), 'utf8');
  expect(lab).toContain(FIX);
  for (const f of ['node1-fixed.sh', 'node2-fixed.sh']) copyFileSync(join(ROOT, 'examples/seed', f), join(dir, f));
  before = join(dir, 'before.yaml');
  after = join(dir, 'after.yaml');
  writeFileSync(before, lab.replace(FIX, ''));
  writeFileSync(after, lab);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** node 1's pods' addresses and node 2's (bridge, pods, its cable address). */
const NODE1_PODS_SUBNET = [
  ['172.16.0.1', 'node1'],
  ['172.16.0.2', 'node1/NS1'],
  ['172.16.0.3', 'node1/NS2'],
];
const NODE2_FROM_PODS = [
  ['192.168.0.26', 'node2'],
  ['172.16.1.1', 'node2'],
  ['172.16.1.2', 'node2/NS1'],
  ['172.16.1.3', 'node2/NS2'],
];
const pairs = (froms: string[], tos: string[][]) => froms.flatMap((from) => tos.map(([to, at]) => `${from} -> ${to} (${at})`));
const GAINED = [
  // node 2 and its pods had no route to node 1's pod subnet at all
  ...pairs(['node2', 'node2/NS1', 'node2/NS2'], NODE1_PODS_SUBNET),
  // node 1's pods reached node 2 (node 1 routes there), but no reply came back
  ...pairs(['node1/NS1', 'node1/NS2'], NODE2_FROM_PODS),
].sort();

const show = (ps: { from: string; to: string; at: string }[]) => ps.map((p) => `${p.from} -> ${p.to} (${p.at})`).sort();

it('lists exactly the pairs the fix gains, and loses none', async () => {
  const c = await compareReach(before, after);
  expect(show(c.gained)).toEqual(GAINED);
  expect(c.lost).toEqual([]);
  expect(c.after.reachable - c.before.reachable).toBe(GAINED.length);
  expect(c.after.reachable).toBe(c.after.pairs); // the fixed lab reaches everything
});

it('the other way round: exactly those pairs are lost, exit 1; text and JSON', async () => {
  const out: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  expect(await reachCompareCommand(after, before, { json: true })).toBe(1);
  const j = JSON.parse(out.join('')) as { lost: { from: string; to: string; at: string }[]; gained: unknown[] };
  expect(show(j.lost)).toEqual(GAINED);
  expect(j.gained).toEqual([]);
  out.length = 0;
  expect(await reachCompareCommand(before, after, {})).toBe(0);
  const text = out.join('');
  expect(text).toContain(`${GAINED.length} pair(s) gained, 0 lost`);
  expect(text).toContain('  + node2/NS1 -> 172.16.0.2 (node1/NS1)\n');
  expect(text).not.toContain('lost (');
});
